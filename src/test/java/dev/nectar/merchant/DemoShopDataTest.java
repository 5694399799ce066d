package dev.nectar.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;
import dev.nectar.handoff.Agent;
import dev.nectar.platform.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoShopDataTest {
    private static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");
    private static final OffsetDateTime NOW = OffsetDateTime.of(2030, 6, 15, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    private final DemoShopData shop = DemoShopData.read(KNOWLEDGE_BASE, NOW, 5000);

    @Test
    void relativeDaysBecomeTimesBeforeNow() throws IOException {
        JsonNode orders = Json.MAPPER.readTree("""
                [{"orderId":"x","createdDaysAgo":1.5,"deliveredDaysAgo":0,
                  "logistics":{"events":[{"daysAgo":0.25,"description":"派送中"}]}}]""");

        DemoShopData.absoluteTimes(orders, NOW);

        JsonNode o = orders.get(0);
        assertThat(OffsetDateTime.parse(o.path("createdAt").asText())).isEqualTo(NOW.minusHours(36));
        assertThat(OffsetDateTime.parse(o.path("deliveredAt").asText())).isEqualTo(NOW);
        assertThat(OffsetDateTime.parse(o.path("logistics").path("events").get(0).path("time").asText()))
                .isEqualTo(NOW.minusHours(6));
        assertThat(o.has("createdDaysAgo")).isFalse();
        assertThat(o.has("paidAt")).isFalse();
    }

    @Test
    void theDemoShopIsTheFictionalTeaAndOutdoorShop() {
        assertThat(shop.merchantId()).isEqualTo("demo");
        assertThat(shop.name()).isEqualTo("青禾生活馆");
        assertThat(shop.buyers()).contains("demo-buyer");
        assertThat(shop.products()).hasSizeBetween(15, 40);
        assertThat(shop.products()).extracting(Product::category).contains("茶叶", "户外", "母婴", "美妆", "宠物", "定制");
        assertThat(shop.products()).allSatisfy(p -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.tags()).isNotEmpty();
            assertThat(p.rating()).isNotNull();
        });
    }

    @Test
    void sizesAreVariantsOfOneSpuAndSomeAreSoldOut() {
        Map<String, Set<String>> sizesBySpu = shop.products().stream().filter(p -> p.attributes().containsKey("尺码"))
                .collect(Collectors.groupingBy(Product::spu, Collectors.mapping(p -> p.attributes().get("尺码"), Collectors.toSet())));

        assertThat(sizesBySpu.values()).contains(Set.of("38", "39", "40", "41", "42", "43", "44"), Set.of("S", "M", "L", "XL"));
        assertThat(shop.products()).anySatisfy(p -> {
            assertThat(p.attributes()).containsKey("尺码");
            assertThat(p.stock()).isZero();
        });
    }

    @Test
    void petSnacksTellHowMuchToFeedByWeight() {
        assertThat(shop.products()).filteredOn(p -> p.category().equals("宠物")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.description()).contains("kg"));
    }

    @Test
    void ordersCoverEveryStatusAndBelongToDemoBuyers() {
        assertThat(shop.orders()).extracting(Order::status).containsAll(EnumSet.allOf(OrderStatus.class));
        assertThat(shop.orders()).extracting(Order::buyerId).containsOnlyElementsOf(shop.buyers());
        assertThat(shop.orders()).anyMatch(Order::insured).anyMatch(o -> !o.insured());
        assertThat(shop.orders()).filteredOn(o -> o.buyerId().equals("demo-buyer")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void ordersAgreeWithTheCatalog() {
        Map<String, Product> bySku = shop.products().stream().collect(Collectors.toMap(Product::sku, Function.identity()));

        assertThat(shop.orders()).allSatisfy(o -> {
            BigDecimal sum = BigDecimal.ZERO;
            for (Order.Item item : o.items()) {
                assertThat(bySku).containsKey(item.sku());
                assertThat(item.title()).isEqualTo(bySku.get(item.sku()).title());
                assertThat(item.unitPrice()).isEqualByComparingTo(bySku.get(item.sku()).price());
                sum = sum.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
            }
            assertThat(o.total()).as("total of %s", o.orderId()).isEqualByComparingTo(sum);
        });
    }

    @Test
    void orderTimesAreInThePastAndInOrder() {
        assertThat(shop.orders()).allSatisfy(o -> {
            OffsetDateTime last = o.createdAt();
            assertThat(last).isBefore(NOW);
            for (OffsetDateTime t : Stream.of(o.paidAt(), o.shippedAt(), o.deliveredAt()).filter(t -> t != null).toList()) {
                assertThat(t).as("times of %s", o.orderId()).isAfterOrEqualTo(last).isBeforeOrEqualTo(NOW);
                last = t;
            }
            boolean shipped = Set.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED).contains(o.status());
            assertThat(o.shippedAt() != null).as("shippedAt of %s", o.orderId()).isEqualTo(shipped);
            assertThat(o.logistics() != null).as("logistics of %s", o.orderId()).isEqualTo(shipped);
            if (shipped) {
                assertThat(o.logistics().events()).isNotEmpty().allSatisfy(e ->
                        assertThat(e.time()).isAfterOrEqualTo(o.shippedAt()).isBeforeOrEqualTo(NOW));
            }
        });
    }

    @Test
    void policyRoutesCertifiedCategoriesAndAgentsHoldThoseSkills() {
        assertThat(shop.policy().categorySkills())
                .isEqualTo(Map.of("母婴", "maternal_infant", "宠物", "pet", "美妆", "beauty"));
        assertThat(shop.policy().noReasonExcludedCategories()).contains("定制");
        assertThat(shop.agents()).hasSizeBetween(2, 3).allSatisfy(a -> assertThat(a.merchantId()).isEqualTo("demo"));
        assertThat(shop.agents().stream().flatMap(a -> a.certifications().stream()))
                .containsAll(shop.policy().categorySkills().values());
        assertThat(shop.agents()).extracting(Agent::tier).allSatisfy(t -> assertThat(t).isBetween(1, 5));
    }

    @Test
    void aBrokenFileIsAStartUpErrorThatNamesFileAndField(@TempDir Path dir) throws IOException {
        copyKnowledgeBase(dir);
        Files.writeString(dir.resolve("catalog.json"),
                Files.readString(dir.resolve("catalog.json")).replaceFirst("\"price\": [0-9.]+", "\"price\": 12.345"));

        assertThatThrownBy(() -> DemoShopData.read(dir, NOW, 5000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("demo shop file catalog.json", "[0].price", "two decimals");
    }

    @Test
    void aNegativeDayCountIsRefused(@TempDir Path dir) throws IOException {
        copyKnowledgeBase(dir);
        Files.writeString(dir.resolve("orders.json"),
                Files.readString(dir.resolve("orders.json")).replaceFirst("\"createdDaysAgo\": [0-9.]+", "\"createdDaysAgo\": -2"));

        assertThatThrownBy(() -> DemoShopData.read(dir, NOW, 5000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("demo shop file orders.json", "createdDaysAgo");
    }

    @Test
    void theDemoPolicyAndAgentsPassTheApiChecksToo(@TempDir Path dir) throws IOException {
        copyKnowledgeBase(dir);
        Files.writeString(dir.resolve("policy.json"), "{\"refundOnlyAutoApproveMax\": 49.999}");

        assertThatThrownBy(() -> DemoShopData.read(dir, NOW, 5000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("demo shop file policy.json", "refundOnlyAutoApproveMax");

        copyKnowledgeBase(dir);
        Files.writeString(dir.resolve("agents.json"), "[{\"agentId\": \"a-1\", \"name\": \"阿一\", \"tier\": 9}]");

        assertThatThrownBy(() -> DemoShopData.read(dir, NOW, 5000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("demo shop file agents.json", "tier");
    }

    @Test
    void aMissingFolderSaysHowToFixIt(@TempDir Path dir) {
        assertThatThrownBy(() -> DemoShopData.read(dir.resolve("nowhere"), NOW, 5000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("demo shop folder not found", "NECTAR_DEMO=false");
    }

    private static void copyKnowledgeBase(Path dir) throws IOException {
        for (String f : new String[]{"shop.json", "catalog.json", "orders.json", "policy.json", "agents.json"}) {
            Files.copy(KNOWLEDGE_BASE.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
