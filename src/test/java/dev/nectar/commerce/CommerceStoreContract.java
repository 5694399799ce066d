package dev.nectar.commerce;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog and order stores promise; run on the embedded database and on PostgreSQL. */
abstract class CommerceStoreContract {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 10, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    abstract Database db();

    private static String merchant() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Product product(String sku, String spu, String size, int stock) {
        return new Product(sku, spu, "登山鞋 " + size, "户外", new BigDecimal("459.00"), stock, "防滑耐磨",
                Map.of("尺码", size), List.of("徒步"), 4.7, 300L);
    }

    private static Order order(String id, String buyer, OrderStatus status, OffsetDateTime created) {
        return new Order(id, buyer, status, created, created, null, null, new BigDecimal("459.00"), false,
                List.of(new Order.Item("BOOT-41", "登山鞋 41", 1, new BigDecimal("459.00"))),
                new Order.Address("陈女士", "13900001111", "四川省成都市", "武侯区一环路5号"), null);
    }

    @Test
    void productsAreUpsertedGroupedBySpuAndKeptPerMerchant() {
        CatalogStore catalog = new JdbcCatalogStore(db());
        String m = merchant();
        catalog.upsert(m, List.of(product("BOOT-41", "BOOT", "41", 3), product("BOOT-42", "BOOT", "42", 0)));
        catalog.upsert(m, List.of(product("BOOT-42", "BOOT", "42", 7)));
        assertThat(catalog.find(m, "BOOT-42")).map(Product::stock).hasValue(7);
        assertThat(catalog.bySpu(m, "BOOT")).extracting(Product::sku).containsExactlyInAnyOrder("BOOT-41", "BOOT-42");
        assertThat(catalog.all(m)).hasSize(2);
        String other = merchant();
        assertThat(catalog.find(other, "BOOT-41")).isEmpty();
        assertThat(catalog.all(other)).isEmpty();
    }

    @Test
    void theSameCatalogIsHandedOutUntilItChangesOnAnyNode() {
        CatalogStore here = new JdbcCatalogStore(db());
        CatalogStore there = new JdbcCatalogStore(db()); // another node on the same database
        String m = merchant();
        here.upsert(m, List.of(product("BOOT-41", "BOOT", "41", 3)));
        List<Product> first = here.all(m);
        assertThat(here.all(m)).as("unchanged: the same list, so callers may cache what they derive from it").isSameAs(first);

        there.upsert(m, List.of(product("BOOT-41", "BOOT", "41", 9), product("BOOT-43", "BOOT", "43", 1)));
        List<Product> changed = here.all(m);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed).extracting(Product::sku).containsExactly("BOOT-41", "BOOT-43");
        assertThat(changed).extracting(Product::stock).containsExactly(9, 1);
    }

    @Test
    void ordersAreTheBuyersNewestFirstAndKeptPerMerchant() {
        OrderStore orders = new JdbcOrderStore(db());
        String m = merchant();
        orders.upsert(m, List.of(order("A-1", "b1", OrderStatus.PAID, T0), order("A-2", "b1", OrderStatus.DELIVERED, T0.plusDays(3)),
                order("A-3", "b2", OrderStatus.PAID, T0.plusDays(1))));
        assertThat(orders.byBuyer(m, "b1")).extracting(Order::orderId).containsExactly("A-2", "A-1");
        assertThat(orders.find(m, "A-3")).map(Order::buyerId).hasValue("b2");
        assertThat(orders.find(merchant(), "A-1")).isEmpty();
        assertThat(orders.find(m, "A-1")).hasValueSatisfying(o -> {
            assertThat(o.total()).isEqualByComparingTo("459.00");
            assertThat(o.address().phone()).isEqualTo("13900001111");
            assertThat(o.items()).singleElement().satisfies(i -> assertThat(i.sku()).isEqualTo("BOOT-41"));
        });
    }

    @Test
    void aTransitionHappensOnceWhateverTheConcurrency() throws Exception {
        OrderStore orders = new JdbcOrderStore(db());
        String m = merchant();
        orders.upsert(m, List.of(order("C-1", "b1", OrderStatus.PAID, T0)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Order>>> cancels = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                cancels.add(() -> orders.transition(m, "C-1", EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID), OrderStatus.CANCELLED));
            }
            int done = 0;
            for (Future<Optional<Order>> f : pool.invokeAll(cancels)) {
                done += f.get().isPresent() ? 1 : 0;
            }
            assertThat(done).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(orders.find(m, "C-1")).map(Order::status).hasValue(OrderStatus.CANCELLED);
        assertThat(orders.transition(m, "C-1", EnumSet.of(OrderStatus.PAID), OrderStatus.CANCELLED)).isEmpty();
        assertThat(orders.transition(merchant(), "C-1", EnumSet.of(OrderStatus.CANCELLED), OrderStatus.PAID)).isEmpty();
    }

    @Test
    void anonymisedOrdersKeepIdsItemsAndAmountsAndLoseTheBuyer() {
        OrderStore orders = new JdbcOrderStore(db());
        String m = merchant();
        Order shipped = order("N-1", "b1", OrderStatus.SHIPPED, T0);
        shipped = new Order(shipped.orderId(), shipped.buyerId(), shipped.status(), shipped.createdAt(), shipped.paidAt(), T0,
                null, shipped.total(), true, shipped.items(), shipped.address(),
                new Order.Logistics("顺丰", "SF1", List.of(new Order.Event(T0, "快递员陈师傅 13900002222 已揽收"))));
        orders.upsert(m, List.of(shipped, order("N-2", "b1", OrderStatus.PAID, T0), order("N-3", "b2", OrderStatus.PAID, T0)));

        assertThat(orders.anonymise(m, "b1", "erased-1")).isEqualTo(2);

        assertThat(orders.byBuyer(m, "b1")).isEmpty();
        assertThat(orders.byBuyer(m, "erased-1")).extracting(Order::orderId).containsExactlyInAnyOrder("N-1", "N-2");
        assertThat(orders.find(m, "N-1")).hasValueSatisfying(o -> {
            assertThat(o.buyerId()).isEqualTo("erased-1");
            assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(o.total()).isEqualByComparingTo("459.00");
            assertThat(o.items()).singleElement().satisfies(i -> assertThat(i.unitPrice()).isEqualByComparingTo("459.00"));
            assertThat(o.insured()).isTrue();
            assertThat(o.address()).isNull();
            assertThat(o.logistics().trackingNo()).isEqualTo("SF1");
            assertThat(o.logistics().events()).isEmpty();
        });
        assertThat(orders.find(m, "N-3")).hasValueSatisfying(o -> assertThat(o.address().phone()).isEqualTo("13900001111"));
        assertThat(orders.anonymise(merchant(), "b2", "erased-2")).isZero();
    }
}
