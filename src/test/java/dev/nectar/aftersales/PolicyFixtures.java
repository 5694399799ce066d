package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.aftersales.EvidenceVerdict.Verdict;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A fictional shop and a scenario builder for policy tests; every value here is invented for the tests. */
final class PolicyFixtures {
    static final Instant NOW = Instant.parse("2025-06-15T04:00:00Z");

    static final Map<String, Product> CATALOG = List.of(
            product("TEE-S", "TEE", "纯棉短袖 S", "服饰", "39.00", 5),
            product("TEE-M", "TEE", "纯棉短袖 M", "服饰", "39.00", 0),
            product("TEE-L", "TEE", "纯棉短袖 L", "服饰", "39.00", 8),
            product("CAP-RED", "CAP", "棒球帽 红", "服饰", "29.00", 1),
            product("CAP-BLUE", "CAP", "棒球帽 蓝", "服饰", "29.00", 2),
            product("CAP-GREEN", "CAP", "棒球帽 绿", "服饰", "29.00", 3),
            product("SOCK-A", "SOCK", "运动袜 A款", "服饰", "15.00", 4),
            product("SOCK-B", "SOCK", "运动袜 B款", "服饰", "15.00", 0),
            product("MUG", "MUG", "陶瓷马克杯", "家居", "45.00", 10),
            product("PEACH", "PEACH", "水蜜桃 5斤", "生鲜", "59.00", 20),
            product("PLATE", "PLATE", "刻字门牌", "定制", "88.00", 99)
    ).stream().collect(Collectors.toMap(Product::sku, Function.identity()));

    private PolicyFixtures() {
    }

    static Product product(String sku, String spu, String title, String category, String price, int stock) {
        return new Product(sku, spu, title, category, new BigDecimal(price), stock, "", Map.of(), List.of(), 4.5, 10L);
    }

    static Order.Item item(String sku, int quantity, String unitPrice) {
        return new Order.Item(sku, sku, quantity, new BigDecimal(unitPrice));
    }

    static AfterSaleCase openCase(String orderId, Type type, Status status) {
        return new AfterSaleCase("AS-EXISTING-" + type, "shop", orderId, "buyer-1", type, Reason.NO_REASON, List.of("TEE-S"),
                new BigDecimal("39.00"), status, List.of(), null, "conv-1", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC),
                PolicyDecision.Code.RETURN_ACCEPTED.name(), null, null, null);
    }

    static Scenario given() {
        return new Scenario();
    }

    /** One request against one order; defaults: a TEE-S order delivered two days ago, the default policy. */
    static final class Scenario {
        String orderId = "O-1";
        OrderStatus status = OrderStatus.DELIVERED;
        Duration deliveredAgo = Duration.ofDays(2);
        boolean deliveredKnown = true;
        Duration shippedAgo = Duration.ofDays(4);
        List<Order.Item> items = List.of(item("TEE-S", 1, "39.00"));
        BigDecimal total;
        boolean insured;
        Type type = Type.RETURN_REFUND;
        Reason reason = Reason.NO_REASON;
        List<String> skus = List.of();
        String target;
        List<Verdict> photos = List.of();
        int refundOnlyCount;
        List<AfterSaleCase> open = new ArrayList<>();
        Policy policy = Policy.defaults();

        Scenario status(OrderStatus s) {
            status = s;
            return this;
        }

        Scenario deliveredAgo(Duration d) {
            deliveredAgo = d;
            return this;
        }

        Scenario deliveredDaysAgo(int days) {
            return deliveredAgo(Duration.ofDays(days));
        }

        /** DELIVERED/COMPLETED without deliveredAt, shipped this long ago. */
        Scenario noDeliveredAt(Duration shipped) {
            deliveredKnown = false;
            shippedAgo = shipped;
            return this;
        }

        Scenario items(Order.Item... i) {
            items = List.of(i);
            return this;
        }

        Scenario total(String t) {
            total = new BigDecimal(t);
            return this;
        }

        Scenario insured() {
            insured = true;
            return this;
        }

        Scenario ask(Type t, Reason r) {
            type = t;
            reason = r;
            return this;
        }

        Scenario skus(String... s) {
            skus = List.of(s);
            return this;
        }

        Scenario target(String sku) {
            target = sku;
            return this;
        }

        Scenario photos(Verdict... v) {
            photos = List.of(v);
            return this;
        }

        Scenario refundOnlyCount(int n) {
            refundOnlyCount = n;
            return this;
        }

        Scenario open(Type t, Status s) {
            open.add(openCase(orderId, t, s));
            return this;
        }

        Scenario policy(Policy p) {
            policy = p;
            return this;
        }

        Order order() {
            OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(8));
            BigDecimal sum = items.stream().map(i -> i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean delivered = status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED;
            OffsetDateTime deliveredAt = delivered && deliveredKnown ? now.minus(deliveredAgo) : null;
            OffsetDateTime shippedAt = status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAID ? null
                    : deliveredAt != null ? deliveredAt.minusDays(2) : now.minus(shippedAgo);
            OffsetDateTime createdAt = (shippedAt != null ? shippedAt : now).minusDays(1);
            return new Order(orderId, "buyer-1", status, createdAt, createdAt.plusMinutes(5), shippedAt, deliveredAt,
                    total != null ? total : sum, insured, items, null, null);
        }

        AfterSaleRequest request() {
            List<String> images = IntStream.range(0, photos.size()).mapToObj(i -> "img-" + i).toList();
            return new AfterSaleRequest(orderId, type, reason, skus, target, images, null);
        }

        PolicyDecision decide() {
            AfterSaleRequest req = request();
            List<EvidenceVerdict> evidence = IntStream.range(0, photos.size())
                    .mapToObj(i -> new EvidenceVerdict(req.imageIds().get(i), photos.get(i))).toList();
            return PolicyEngine.evaluate(req, order(), policy, CATALOG, evidence,
                    new BuyerProfile(policy.withDefaults().profileWindowDays(), 6, refundOnlyCount, 0), NOW, open);
        }

        @Override
        public String toString() {
            return type + "/" + reason + " on " + status + " " + Arrays.toString(photos.toArray());
        }
    }
}
