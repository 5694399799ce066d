package dev.nectar.planner.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded planner's dialogue repair over the real socket, against a fictional shop: the cases it must settle. */
@QuarkusTest
class EmbeddedDialogueTest {
    private static final String BUYER = "b-repair";

    @TestHTTPResource("/")
    URI base;

    private TestShop shop;

    @BeforeEach
    void setUp() {
        shop = TestShop.create();
        shop.put("/catalog", List.of(shorts("RUN-M", "M码", 9), shorts("RUN-L", "L码", 6), shorts("RUN-XL", "XL码", 4)));
    }

    @Test
    void aChangeOfMindWhileAReturnAwaitsConfirmationBecomesTheExchangeWithTheSameReason() throws Exception {
        shop.put("/orders", List.of(order("RP-3001", "DELIVERED", "RUN-L", "L码")));
        try (WsClient ws = connect()) {
            ws.next("session");
            JsonNode ret = say(ws, "a", "短裤不想要了,退货");
            assertThat(ret.path("confirm").isObject()).as(ret.toString()).isTrue();
            JsonNode exchange = say(ws, "b", "算了,还是换成XL的吧");
            // the reason the buyer gave for the return carries over: nothing is asked again
            assertThat(exchange.path("confirm").isObject()).as(exchange.toString()).isTrue();
            assertThat(exchange.path("text").asText()).contains("换货").contains("XL");
            say(ws, "c", "确认");
        }
        JsonNode cases = shop.afterSales("RP-3001");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).path("type").asText()).isEqualTo("EXCHANGE");
        assertThat(cases.get(0).path("targetSku").asText()).isEqualTo("RUN-XL");
    }

    @Test
    void cancellingWhenTheOnlyOpenOrderHasShippedSaysSoInsteadOfFindingNoOrder() throws Exception {
        shop.put("/orders", List.of(order("RP-3002", "SHIPPED", "RUN-M", "M码"), order("RP-3003", "DELIVERED", "RUN-L", "L码")));
        try (WsClient ws = connect()) {
            ws.next("session");
            JsonNode reply = say(ws, "a", "cancel my order please");
            assertThat(reply.path("text").asText()).contains("RP-3002").containsAnyOf("已发货", "拒收");
            assertThat(reply.path("confirm").isMissingNode()).isTrue();
        }
        assertThat(shop.afterSales("RP-3002")).isEmpty();
    }

    private JsonNode say(WsClient ws, String id, String text) throws InterruptedException {
        ws.send(Map.of("type", "message", "id", id, "text", text));
        return ws.answer(id);
    }

    private WsClient connect() throws Exception {
        return WsClient.connect(base, "/ws/chat", shop.buyerToken(BUYER));
    }

    private static Map<String, Object> shorts(String sku, String size, int stock) {
        return Map.of("sku", sku, "spu", "RUN", "title", "速干运动短裤 " + size, "category", "运动服饰",
                "price", new BigDecimal("79.00"), "stock", stock, "description", "轻薄速干,跑步健身穿",
                "attributes", Map.of("尺码", size.replace("码", "")));
    }

    private static Map<String, Object> order(String id, String status, String sku, String size) {
        OffsetDateTime created = OffsetDateTime.now().minusDays(4);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("orderId", id);
        o.put("buyerId", BUYER);
        o.put("status", status);
        o.put("createdAt", created.toString());
        o.put("paidAt", created.plusMinutes(2).toString());
        o.put("shippedAt", created.plusDays(1).toString());
        if (status.equals("DELIVERED")) {
            o.put("deliveredAt", created.plusDays(2).toString());
        }
        o.put("total", new BigDecimal("79.00"));
        o.put("items", List.of(Map.of("sku", sku, "title", "速干运动短裤 " + size, "quantity", 1, "unitPrice", new BigDecimal("79.00"))));
        o.put("address", Map.of("name", "周先生", "phone", "13900001111", "region", "江苏省南京市", "detail", "中山路 1 号"));
        return o;
    }
}
