package dev.nectar.commerce;

import dev.nectar.Money;
import dev.nectar.TestShop;
import dev.nectar.platform.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static dev.nectar.Money.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Catalog and order sync: PUT upserts, GET reads, and every malformed or foreign request is refused. */
@QuarkusTest
class CommerceApiTest {
    // --- catalog

    @Test
    void aCatalogUpsertIsReadBackFieldByField() {
        TestShop shop = TestShop.create();

        put(shop, "/catalog", List.of(product("kettle-1", "199.00"), product("kettle-2", "0"))).statusCode(200)
                .body("upserted", equalTo(2));

        get(shop, "/catalog/kettle-1").statusCode(200)
                .body("sku", equalTo("kettle-1"))
                .body("spu", equalTo("kettle"))
                .body("title", equalTo("手冲壶 kettle-1"))
                .body("category", equalTo("茶具"))
                .body("price", money("199"))
                .body("stock", equalTo(5))
                .body("description", equalTo("不锈钢细口手冲壶"))
                .body("attributes.容量", equalTo("600ml"))
                .body("tags", contains("手冲", "咖啡"))
                .body("rating", money("4.6"))
                .body("sales", equalTo(88));
        get(shop, "/catalog/kettle-2").statusCode(200).body("price", money("0"));
    }

    @Test
    void upsertingAgainUpdatesAndOptionalFieldsTakeDefaults() {
        TestShop shop = TestShop.create();
        put(shop, "/catalog", List.of(product("kettle-1", "199.00"))).statusCode(200);

        put(shop, "/catalog", List.of(Map.of("sku", "kettle-1", "title", "手冲壶 新款", "category", "茶具",
                "price", 219.5, "stock", 0))).statusCode(200).body("upserted", equalTo(1));

        get(shop, "/catalog/kettle-1").statusCode(200)
                .body("title", equalTo("手冲壶 新款"))
                .body("price", money("219.50"))
                .body("stock", equalTo(0))
                .body("spu", equalTo("kettle-1"))
                .body("sales", equalTo(0))
                .body("tags", hasSize(0));
    }

    @Test
    void productsAreCheckedFieldByField() {
        TestShop shop = TestShop.create();

        refused(shop, "/catalog", List.of(without(product("p-1", "10"), "title")), "[0].title");
        refused(shop, "/catalog", List.of(without(product("p-1", "10"), "sku")), "[0].sku");
        refused(shop, "/catalog", List.of(without(product("p-1", "10"), "price")), "[0].price");
        refused(shop, "/catalog", List.of(without(product("p-1", "10"), "stock")), "[0].stock");
        refused(shop, "/catalog", List.of(without(product("p-1", "10"), "category")), "[0].category");
        refused(shop, "/catalog", List.of(product("p-1", "10"), product("p-2", "9.999")), "[1].price");
        refused(shop, "/catalog", List.of(product("p-1", "-0.01")), "[0].price");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "price", "cheap")), "[0].price");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "stock", -1)), "[0].stock");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "rating", 5.5)), "[0].rating");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "sales", -3)), "[0].sales");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "sku", "has space")), "[0].sku");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "tags", java.util.Collections.nCopies(51, "t"))), "[0].tags");
        refused(shop, "/catalog", List.of(with(product("p-1", "10"), "title", "长".repeat(201))), "[0].title");
        refused(shop, "/catalog", List.of(product("p-1", "10"), product("p-1", "11")), "[1].sku");
        refused(shop, "/catalog", Map.of("sku", "p-1"), null);

        // a refused batch stores none of its items, not even the valid ones before the bad one
        get(shop, "/catalog/p-1").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aCatalogUpsertHoldsAtMost5000Items() {
        TestShop shop = TestShop.create();
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 5001).mapToObj(i -> product("s-" + i, "1")).toList();

        refused(shop, "/catalog", Json.write(items), "body");

        get(shop, "/catalog/s-1").statusCode(404);
        put(shop, "/catalog", Json.write(items.subList(0, 5000))).statusCode(200).body("upserted", equalTo(5000));
    }

    @Test
    void aJsonBodyOver10MegabytesIsTooLarge() {
        TestShop shop = TestShop.create();
        // a valid, empty array padded with whitespace: without the limit it would be accepted as {"upserted":0}
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';

        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(body)
                .put("/api/merchants/" + shop.merchantId() + "/catalog")
                .then().statusCode(413).body("error.code", equalTo("TOO_LARGE"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(java.util.Arrays.copyOf(body, 1024))
                .put("/api/merchants/" + shop.merchantId() + "/catalog")
                .then().statusCode(400); // the same body cut short is read, and refused only as malformed
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreRefused() {
        TestShop shop = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/catalog";

        for (String malformed : new String[]{"[{\"sku\": \"a\",", "[{\"sku\": \"a\", }]", "[{sku: a}]", "not json"}) {
            given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(malformed)
                    .put(path).then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
        }
        given().header("Authorization", shop.auth()).contentType(ContentType.TEXT).body("sku=a")
                .put(path).then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_TYPE"));
    }

    @Test
    void catalogNeedsTheMerchantsOwnKeyAndHidesOtherMerchantsProducts() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        put(shop, "/catalog", List.of(product("secret-1", "10"))).statusCode(200);
        String path = "/api/merchants/" + shop.merchantId() + "/catalog";

        given().get(path + "/secret-1").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer nk_wrong").get(path + "/secret-1").then().statusCode(401);
        given().header("Authorization", other.auth()).get(path + "/secret-1").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(List.of(product("x", "1")))
                .put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(List.of(product("x", "1"))).put(path).then().statusCode(401);
        // the other merchant's own catalog does not have it either
        get(other, "/catalog/secret-1").statusCode(404);
        get(shop, "/catalog/nothing-here").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    // --- orders

    @Test
    void anOrderUpsertIsReadBackFieldByField() {
        TestShop shop = TestShop.create();

        put(shop, "/orders", List.of(order("o-100", "SHIPPED"))).statusCode(200).body("upserted", equalTo(1));

        get(shop, "/orders/o-100").statusCode(200)
                .body("orderId", equalTo("o-100"))
                .body("buyerId", equalTo("buyer-1"))
                .body("status", equalTo("SHIPPED"))
                .body("createdAt", notNullValue())
                .body("deliveredAt", nullValue())
                .body("total", money("58.80"))
                .body("shippingInsurance", equalTo(true))
                .body("items[0].sku", equalTo("tea-1"))
                .body("items[0].quantity", equalTo(2))
                .body("items[0].unitPrice", money("29.40"))
                .body("address.region", equalTo("浙江省 杭州市"))
                .body("logistics.carrier", equalTo("顺丰速运"))
                .body("logistics.trackingNo", equalTo("SF000111"))
                .body("logistics.events", hasSize(1))
                .body("logistics.events[0].description", equalTo("已揽收"));
    }

    @Test
    void upsertingAnOrderAgainReplacesIt() {
        TestShop shop = TestShop.create();
        put(shop, "/orders", List.of(order("o-1", "PAID"))).statusCode(200);

        put(shop, "/orders", List.of(without(order("o-1", "CANCELLED"), "shippingInsurance"))).statusCode(200);

        get(shop, "/orders/o-1").statusCode(200).body("status", equalTo("CANCELLED")).body("shippingInsurance", equalTo(false));
    }

    @Test
    void ordersAreCheckedFieldByField() {
        TestShop shop = TestShop.create();

        refused(shop, "/orders", List.of(order("o-1", "SHIPPING")), "[0].status");
        refused(shop, "/orders", List.of(without(order("o-1", "PAID"), "status")), "[0].status");
        refused(shop, "/orders", List.of(without(order("o-1", "PAID"), "orderId")), "[0].orderId");
        refused(shop, "/orders", List.of(without(order("o-1", "PAID"), "buyerId")), "[0].buyerId");
        refused(shop, "/orders", List.of(without(order("o-1", "PAID"), "createdAt")), "[0].createdAt");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "createdAt", "yesterday")), "[0].createdAt");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "total", -1)), "[0].total");
        refused(shop, "/orders", List.of(order("o-1", "PAID"), with(order("o-2", "PAID"), "total", new BigDecimal("58.805"))), "[1].total");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "items", List.of())), "[0].items");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "items", List.of(Map.of("sku", "tea-1", "title", "茶",
                "quantity", 1, "unitPrice", new BigDecimal("1.001"))))), "[0].items[0].unitPrice");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "items", List.of(Map.of("sku", "tea-1", "title", "茶",
                "quantity", 0, "unitPrice", 1)))), "[0].items[0].quantity");
        refused(shop, "/orders", List.of(with(order("o-1", "PAID"), "logistics", Map.of("events",
                java.util.Collections.singletonList(null)))), "[0].logistics.events[0]");
        refused(shop, "/orders", List.of(order("o-1", "PAID"), order("o-1", "PAID")), "[1].orderId");

        get(shop, "/orders/o-1").statusCode(404);

        // carriers do not always time their events: such events are kept in the order given
        shop.put("/orders", List.of(with(order("o-9", "SHIPPED"), "logistics", Map.of("carrier", "中通",
                "trackingNo", "ZT1", "events", List.of(Map.of("description", "已揽收"), Map.of("description", "运输中"))))));
        get(shop, "/orders/o-9").statusCode(200).body("logistics.events[1].description", equalTo("运输中"));
    }

    @Test
    void anOrdersUpsertHoldsAtMost5000Items() {
        TestShop shop = TestShop.create();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i <= 5000; i++) {
            orders.add(order("bulk-" + i, "PAID"));
        }

        refused(shop, "/orders", Json.write(orders), "body");
        get(shop, "/orders/bulk-0").statusCode(404);
    }

    @Test
    void ordersNeedTheMerchantsOwnKeyAndHideOtherMerchantsOrders() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        put(shop, "/orders", List.of(order("o-secret", "PAID"))).statusCode(200);
        String path = "/api/merchants/" + shop.merchantId() + "/orders";

        given().get(path + "/o-secret").then().statusCode(401);
        given().header("Authorization", other.auth()).get(path + "/o-secret").then().statusCode(403);
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(List.of(order("o-x", "PAID")))
                .put(path).then().statusCode(403);
        get(other, "/orders/o-secret").statusCode(404);
        get(shop, "/orders/o-missing").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    private static Map<String, Object> product(String sku, String price) {
        Map<String, Object> p = new HashMap<>();
        p.put("sku", sku);
        p.put("spu", "kettle");
        p.put("title", "手冲壶 " + sku);
        p.put("category", "茶具");
        p.put("price", new BigDecimal(price));
        p.put("stock", 5);
        p.put("description", "不锈钢细口手冲壶");
        p.put("attributes", Map.of("容量", "600ml"));
        p.put("tags", List.of("手冲", "咖啡"));
        p.put("rating", 4.6);
        p.put("sales", 88);
        return p;
    }

    private static Map<String, Object> order(String orderId, String status) {
        Map<String, Object> o = new HashMap<>();
        o.put("orderId", orderId);
        o.put("buyerId", "buyer-1");
        o.put("status", status);
        o.put("createdAt", "2025-05-01T10:00:00+08:00");
        o.put("paidAt", "2025-05-01T10:05:00+08:00");
        o.put("shippedAt", "2025-05-02T09:00:00+08:00");
        o.put("total", new BigDecimal("58.80"));
        o.put("shippingInsurance", true);
        o.put("items", List.of(Map.of("sku", "tea-1", "title", "桂花乌龙", "quantity", 2, "unitPrice", new BigDecimal("29.40"))));
        o.put("address", Map.of("name", "张三", "phone", "13000000000", "region", "浙江省 杭州市", "detail", "某路 1 号"));
        o.put("logistics", Map.of("carrier", "顺丰速运", "trackingNo", "SF000111",
                "events", List.of(Map.of("time", "2025-05-02T09:00:00+08:00", "description", "已揽收"))));
        return o;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static ValidatableResponse put(TestShop shop, String path, Object body) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(body)
                .put("/api/merchants/" + shop.merchantId() + path).then();
    }

    private static ValidatableResponse get(TestShop shop, String path) {
        return given().config(Money.EXACT).header("Authorization", shop.auth())
                .get("/api/merchants/" + shop.merchantId() + path).then();
    }

    /** 400 in the contract's format, naming {@code field} (or naming none when it is null). */
    private static void refused(TestShop shop, String path, Object body, String field) {
        ValidatableResponse r = put(shop, path, body).statusCode(400).body("error.code", notNullValue())
                .body("error.message", notNullValue());
        if (field != null) {
            r.body("error.field", equalTo(field));
        }
    }
}
