package dev.nectar.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.restassured.http.ContentType;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Registers a shop's agents over the API and opens their consoles; helpers for the handoff tests. */
public final class Agents {
    private Agents() {
    }

    public static String register(TestShop shop, String agentId, String name, List<String> certifications, int tier, int maxConcurrent) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "name", name, "certifications", certifications, "tier", tier,
                        "maxConcurrent", maxConcurrent))
                .post("/api/merchants/" + shop.merchantId() + "/agents").then().statusCode(201).extract().path("token");
    }

    /** Opens a console and waits until the server has registered it. */
    public static WsClient console(URI base, String token) throws Exception {
        WsClient ws = WsClient.connect(base, "/ws/agent", token);
        ws.next("ready");
        return ws;
    }

    public static JsonNode assigned(WsClient agent, String conversationId) throws InterruptedException {
        return agent.next(f -> "assigned".equals(f.path("type").asText())
                && conversationId.equals(f.path("handoff").path("conversationId").asText()));
    }

    static List<Map<String, Object>> handoffs(TestShop shop, String status) {
        return given().header("Authorization", shop.auth()).queryParam("status", status)
                .get("/api/merchants/" + shop.merchantId() + "/handoffs").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static String conversationStatus(TestShop shop, String conversationId) {
        return given().header("Authorization", shop.auth())
                .get("/api/merchants/" + shop.merchantId() + "/conversations/" + conversationId)
                .then().statusCode(200).extract().path("status");
    }

    public static Map<String, Object> message(String id, String text) {
        return Map.of("type", "message", "id", id, "text", text);
    }

    public static JsonNode answerTo(WsClient buyer, String id) throws InterruptedException {
        return buyer.next(f -> id.equals(f.path("replyTo").asText()));
    }
}
