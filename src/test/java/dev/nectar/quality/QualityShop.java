package dev.nectar.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A fictional shop, its agents and real buyer and agent sockets, for the quality tests. */
final class QualityShop {
    final TestShop shop = TestShop.create();
    private final URI base;

    QualityShop(URI base) {
        this.base = base;
    }

    static Map<String, Object> order(String orderId, String buyerId, String status, String name, String phone, int deliveredDaysAgo) {
        Map<String, Object> o = new HashMap<>(Map.of("orderId", orderId, "buyerId", buyerId, "status", status,
                "createdAt", OffsetDateTime.now().minusDays(deliveredDaysAgo + 3).toString(), "total", 59.00,
                "items", List.of(Map.of("sku", "TEA-1", "title", "明前龙井 100g", "quantity", 1, "unitPrice", 59.00)),
                "address", Map.of("name", name, "phone", phone, "region", "浙江省杭州市西湖区", "detail", "文三路100号"),
                "logistics", Map.of("carrier", "顺丰", "trackingNo", "SF" + orderId.replaceAll("\\D", ""),
                        "events", List.of(Map.of("time", OffsetDateTime.now().minusDays(1).toString(), "description", "快件已到达杭州转运中心")))));
        o.put("paidAt", OffsetDateTime.now().minusDays(deliveredDaysAgo + 3).toString());
        if (!"PAID".equals(status)) {
            o.put("shippedAt", OffsetDateTime.now().minusDays(deliveredDaysAgo + 2).toString());
        }
        if ("DELIVERED".equals(status)) {
            o.put("deliveredAt", OffsetDateTime.now().minusDays(deliveredDaysAgo).toString());
        }
        return o;
    }

    void catalog() {
        shop.put("/catalog", List.of(Map.of("sku", "TEA-1", "spu", "TEA", "title", "明前龙井 100g", "category", "茶叶",
                "price", 59.00, "stock", 20)));
    }

    void sla(int seconds) {
        shop.put("/service-settings", Map.of("slaSeconds", seconds));
    }

    String agent(String agentId, String name) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "name", name, "certifications", List.of(), "tier", 3, "maxConcurrent", 5))
                .post("/api/merchants/" + shop.merchantId() + "/agents").then().statusCode(201).extract().path("token");
    }

    WsClient console(String token) throws Exception {
        WsClient ws = WsClient.connect(base, "/ws/agent", token);
        ws.next("ready");
        return ws;
    }

    /** A buyer's socket and their conversation. */
    Buyer buyer(String buyerId) throws Exception {
        WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken(buyerId));
        return new Buyer(ws, ws.next("session").path("conversationId").asText());
    }

    record Buyer(WsClient ws, String conversationId) {
        JsonNode say(String id, String text) throws InterruptedException {
            ws.send(Map.of("type", "message", "id", id, "text", text));
            return ws.next(f -> id.equals(f.path("replyTo").asText()));
        }

        /** Asks for a human and waits until the agent has the conversation. */
        void handTo(WsClient agent) throws InterruptedException {
            JsonNode answer = say("h-" + System.nanoTime(), "转人工");
            if (!"handoff".equals(answer.path("type").asText())) {
                throw new AssertionError("no handoff: " + answer);
            }
            agent.next(f -> "assigned".equals(f.path("type").asText())
                    && conversationId.equals(f.path("handoff").path("conversationId").asText()));
            ws.next("agent_joined");
        }

        /**
         * Tells the agent holding the conversation and waits until their console has this very message (so it is in
         * the transcript, inside the handoff): the console keeps unread frames, an earlier buyer_message of another
         * conversation must not stand in for it.
         */
        void tellAgent(WsClient agent, String text) throws InterruptedException {
            ws.send(Map.of("type", "message", "id", "m-" + System.nanoTime(), "text", text));
            agent.next(f -> "buyer_message".equals(f.path("type").asText())
                    && conversationId.equals(f.path("conversationId").asText()) && text.equals(f.path("text").asText()));
        }

        void agentSays(WsClient agent, String text) throws InterruptedException {
            agent.send(Map.of("type", "message", "conversationId", conversationId, "text", text));
            ws.next("agent_message");
        }

        void resolvedBy(WsClient agent) throws InterruptedException {
            agent.send(Map.of("type", "resolve", "conversationId", conversationId, "note", "已处理"));
            agent.next("resolved");
            ws.next("handoff_ended");
        }

        /** Rates (when given) and ends the conversation. */
        void end(Integer rating) throws Exception {
            if (rating != null) {
                ws.send(Map.of("type", "rate", "score", rating));
            }
            ws.send(Map.of("type", "end"));
            ws.close();
        }
    }

    /** The quality list of the shop once every one of these conversations has been inspected by the sweep. */
    List<Map<String, Object>> inspected(List<String> conversationIds) {
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> quality(Map.of()).getList("conversationId", String.class)
                .containsAll(conversationIds));
        return quality(Map.of()).getList("$");
    }

    JsonPath quality(Map<String, String> query) {
        return given().header("Authorization", shop.auth()).queryParams(query)
                .get("/api/merchants/" + shop.merchantId() + "/quality").then().statusCode(200).extract().jsonPath();
    }
}
