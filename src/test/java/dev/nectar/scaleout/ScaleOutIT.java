package dev.nectar.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.RedisProcess;
import dev.nectar.ServerProcess;
import dev.nectar.TestPostgres;
import dev.nectar.WsClient;
import dev.nectar.platform.Json;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode as operators run it: two server processes on different ports, one PostgreSQL (with pgvector) and
 * one Redis, a buyer and a human agent on different nodes, a buyer moving between nodes, and a real Redis outage in
 * the middle of conversations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {
    private static final String ADMIN = "scale-admin";
    private static final String MERCHANT = "scale-shop";
    private static final String AGENT_NAME = "林晓";

    private RedisProcess redis;
    private ServerProcess node1;
    private ServerProcess node2;
    private String apiKey;
    private String agentToken;

    @BeforeAll
    void start(@TempDir Path data1, @TempDir Path data2) throws Exception {
        redis = RedisProcess.start();
        Map<String, String> shared = new HashMap<>(TestPostgres.freshNodeEnv("scaleout_it"));
        shared.put("NECTAR_REDIS_URL", redis.url());
        shared.put("NECTAR_ADMIN_TOKEN", ADMIN);
        shared.put("NECTAR_DEMO", "false");
        node1 = ServerProcess.start(with(shared, "NECTAR_DATA_DIR", data1.toString()));
        node2 = ServerProcess.start(with(shared, "NECTAR_DATA_DIR", data2.toString()));

        apiKey = given().baseUri(node1.baseUrl()).header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body(Map.of("merchantId", MERCHANT, "name", "云杉户外", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
        // set up through node 2: every node serves the same data
        agentToken = merchant(node2).body(Map.of("agentId", "lin", "name", AGENT_NAME, "certifications", List.of(), "tier", 3, "maxConcurrent", 5))
                .post("/api/merchants/" + MERCHANT + "/agents").then().statusCode(201).extract().path("token");
        merchant(node2).body(List.of(Map.of("sku", "TENT-2P-GRN", "spu", "TENT-2P", "title", "轻量双人帐篷 墨绿", "category", "户外",
                        "price", 399.00, "stock", 12, "description", "双层防雨，2.1公斤", "attributes", Map.of("颜色", "墨绿"))))
                .put("/api/merchants/" + MERCHANT + "/catalog").then().statusCode(200);
        String delivered = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2).toString();
        String paid = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(5).toString();
        merchant(node2).body(List.of(order("SC-5001", "b-move", paid, delivered), order("SC-5002", "b-outage", paid, delivered)))
                .put("/api/merchants/" + MERCHANT + "/orders").then().statusCode(200);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{node1, node2, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> out = new HashMap<>(env);
        out.put(key, value);
        return out;
    }

    private static Map<String, Object> order(String id, String buyer, String paid, String delivered) {
        return Map.ofEntries(Map.entry("orderId", id), Map.entry("buyerId", buyer), Map.entry("status", "DELIVERED"),
                Map.entry("createdAt", paid), Map.entry("paidAt", paid), Map.entry("shippedAt", paid),
                Map.entry("deliveredAt", delivered), Map.entry("total", 399.00), Map.entry("shippingInsurance", true),
                Map.entry("items", List.of(Map.of("sku", "TENT-2P-GRN", "title", "轻量双人帐篷 墨绿", "quantity", 1, "unitPrice", 399.00))),
                Map.entry("address", Map.of("name", "周先生", "phone", "13800004567", "region", "浙江省杭州市", "detail", "西湖区文三路1号")));
    }

    private RequestSpecification merchant(ServerProcess node) {
        return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    private String buyerToken(String buyerId) {
        return merchant(node1).body(Map.of("buyerId", buyerId)).post("/api/merchants/" + MERCHANT + "/buyer-tokens")
                .then().statusCode(201).extract().path("token");
    }

    private static WsClient buyer(ServerProcess node, String token) throws Exception {
        return WsClient.connect(URI.create(node.baseUrl()), "/ws/chat", token);
    }

    private WsClient agentOn(ServerProcess node) throws Exception {
        WsClient agent = WsClient.connect(URI.create(node.baseUrl()), "/ws/agent", agentToken);
        agent.send(Map.of("type", "status", "available", true));
        return agent;
    }

    private static JsonNode answerTo(WsClient ws, String id) throws InterruptedException {
        return ws.next(f -> id.equals(f.path("replyTo").asText()));
    }

    private static JsonNode assigned(WsClient agent, String conversationId) throws InterruptedException {
        return agent.next(f -> "assigned".equals(f.path("type").asText())
                && conversationId.equals(f.path("handoff").path("conversationId").asText()));
    }

    private static Map<String, Object> message(String id, String text) {
        return Map.of("type", "message", "id", id, "text", text);
    }

    private List<Map<String, Object>> cases(ServerProcess node, String orderId) {
        return merchant(node).get("/api/merchants/" + MERCHANT + "/after-sales?orderId=" + orderId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private JsonNode transcript(ServerProcess node, String conversationId) throws Exception {
        String body = merchant(node).get("/api/merchants/" + MERCHANT + "/conversations/" + conversationId)
                .then().statusCode(200).extract().asString();
        return Json.MAPPER.readTree(body);
    }

    private static boolean hasTurn(JsonNode conversation, String role, String text) {
        return StreamSupport.stream(conversation.path("turns").spliterator(), false)
                .anyMatch(t -> role.equals(t.path("role").asText()) && t.path("text").asText().contains(text));
    }

    @Test
    void buyerAndAgentOnDifferentNodesAndTheBuyerMovesToTheOtherNode() throws Exception {
        String token = buyerToken("b-handoff");
        String conv;
        try (WsClient buyer = buyer(node1, token)) {
            conv = buyer.next("session").path("conversationId").asText();

            // no agent is online yet: the handoff asked for on node 1 waits in the shared queue
            buyer.send(message("h1", "我要转人工"));
            JsonNode queued = answerTo(buyer, "h1");
            assertThat(queued.path("type").asText()).isEqualTo("handoff");
            assertThat(queued.path("status").asText()).isEqualTo("QUEUED");

            try (WsClient agent = agentOn(node2)) {
                // the agent opens the console on node 2 and is given the handoff queued on node 1
                JsonNode work = assigned(agent, conv);
                assertThat(work.path("handoff").path("agentId").asText()).isEqualTo("lin");
                assertThat(buyer.next("agent_joined").path("agentName").asText()).isEqualTo(AGENT_NAME);

                agent.send(Map.of("type", "message", "conversationId", conv, "text", "您好，我是林晓，请问有什么可以帮您"));
                assertThat(buyer.next("agent_message").path("text").asText()).isEqualTo("您好，我是林晓，请问有什么可以帮您");
                buyer.send(message("h2", "帐篷的地钉少了两根"));
                JsonNode relayed = agent.next("buyer_message");
                assertThat(relayed.path("conversationId").asText()).isEqualTo(conv);
                assertThat(relayed.path("text").asText()).isEqualTo("帐篷的地钉少了两根");

                // the buyer's connection drops and comes back through node 2: same conversation, still with the agent
                buyer.close();
                try (WsClient moved = buyer(node2, token)) {
                    JsonNode session = moved.next("session");
                    assertThat(session.path("conversationId").asText()).isEqualTo(conv);
                    assertThat(session.path("resumed").asBoolean()).isTrue();
                    agent.send(Map.of("type", "message", "conversationId", conv, "text", "马上给您补寄地钉"));
                    assertThat(moved.next("agent_message").path("text").asText()).isEqualTo("马上给您补寄地钉");
                    moved.send(message("h3", "谢谢"));
                    assertThat(agent.next("buyer_message").path("text").asText()).isEqualTo("谢谢");

                    agent.send(Map.of("type", "resolve", "conversationId", conv, "note", "补寄地钉"));
                    moved.next("handoff_ended");
                    moved.send(message("h4", "你们的帐篷防雨吗"));
                    assertThat(answerTo(moved, "h4").path("type").asText()).isEqualTo("reply");
                }
            }
        }
        JsonNode seenFromNode1 = transcript(node1, conv);
        assertThat(hasTurn(seenFromNode1, "AGENT", "马上给您补寄地钉")).isTrue();
        assertThat(hasTurn(seenFromNode1, "BUYER", "帐篷的地钉少了两根")).isTrue();
    }

    @Test
    void aConfirmationGivenOnAnotherNodeActsOnce() throws Exception {
        String token = buyerToken("b-move");
        String actionId;
        String conv;
        try (WsClient buyer = buyer(node1, token)) {
            conv = buyer.next("session").path("conversationId").asText();
            buyer.send(message("r1", "订单SC-5001的帐篷尺码不合适，想退货"));
            JsonNode ask = answerTo(buyer, "r1");
            actionId = ask.path("confirm").path("actionId").asText();
            assertThat(actionId).as("a return waits for the buyer's yes: %s", ask).isNotBlank();
        }
        assertThat(cases(node1, "SC-5001")).isEmpty();
        try (WsClient buyer = buyer(node2, token)) {
            assertThat(buyer.next("session").path("conversationId").asText()).isEqualTo(conv);
            // a client that retries its click sends the same confirmation twice
            buyer.send(Map.of("type", "confirm", "actionId", actionId, "accept", true));
            buyer.send(Map.of("type", "confirm", "actionId", actionId, "accept", true));
            buyer.drain(1500);
        }
        List<Map<String, Object>> cases = cases(node2, "SC-5001");
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("type", "RETURN_REFUND").containsEntry("status", "APPROVED");
            assertThat(c).containsEntry("conversationId", conv);
        });
    }

    @Test
    void redisStopsAndComesBackDuringConversations() throws Exception {
        String token = buyerToken("b-outage");
        try (WsClient agent = agentOn(node2); WsClient buyer = buyer(node1, token)) {
            String conv = buyer.next("session").path("conversationId").asText();
            buyer.send(message("o1", "帐篷防水吗"));
            assertThat(answerTo(buyer, "o1").path("type").asText()).isEqualTo("reply");

            redis.stop();
            try {
                // the bot keeps answering from the node's own state, and a confirmed action is kept
                buyer.send(message("o2", "有什么推荐的双人帐篷"));
                assertThat(answerTo(buyer, "o2").path("type").asText()).isEqualTo("reply");
                buyer.send(message("o3", "订单SC-5002的帐篷尺码不合适，我要退货"));
                JsonNode ask = answerTo(buyer, "o3");
                String actionId = ask.path("confirm").path("actionId").asText();
                assertThat(actionId).as("confirmation asked during the outage: %s", ask).isNotBlank();
                buyer.send(Map.of("type", "confirm", "actionId", actionId, "accept", true));
                buyer.drain(1000);
                assertThat(cases(node1, "SC-5002")).singleElement().satisfies(c -> assertThat(c).containsEntry("status", "APPROVED"));

                // a handoff during the outage: node 1 assigns it to the agent whose console is on node 2
                buyer.send(message("o4", "转人工"));
                assertThat(answerTo(buyer, "o4").path("type").asText()).isEqualTo("handoff");
                assertThat(agent.drain(1500)).as("nothing crosses nodes while Redis is away")
                        .noneMatch(f -> "assigned".equals(f.path("type").asText()));
            } finally {
                redis.resume();
            }
            // Redis is back: what waited in node 1's outbox reaches the agent on node 2, and the agent is heard again
            assertThat(assigned(agent, conv).path("handoff").path("agentId").asText()).isEqualTo("lin");
            agent.send(Map.of("type", "message", "conversationId", conv, "text", "退货已经为您办好了"));
            assertThat(buyer.next("agent_message").path("text").asText()).isEqualTo("退货已经为您办好了");
            agent.send(Map.of("type", "resolve", "conversationId", conv));
            buyer.next("handoff_ended");

            JsonNode kept = transcript(node2, conv);
            assertThat(hasTurn(kept, "BUYER", "有什么推荐的双人帐篷")).isTrue();
            assertThat(hasTurn(kept, "AGENT", "退货已经为您办好了")).isTrue();
        }
        assertThat(cases(node2, "SC-5002")).hasSize(1);
    }
}
