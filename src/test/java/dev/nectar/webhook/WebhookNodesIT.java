package dev.nectar.webhook;

import dev.nectar.ServerProcess;
import dev.nectar.TestPostgres;
import dev.nectar.WsClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged server on PostgreSQL with a merchant's endpoint on loopback: two nodes polling one outbox send each
 * event once, and a delivery refused before its node is killed is retried by the restarted node.
 */
class WebhookNodesIT {
    private static final String ADMIN = "webhook-admin";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> running = new ArrayList<>();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private static Map<String, String> env(Map<String, String> db, Path data, String firstRetry) {
        Map<String, String> env = new HashMap<>(db);
        env.put("NECTAR_ADMIN_TOKEN", ADMIN);
        env.put("NECTAR_DEMO", "false");
        env.put("NECTAR_DATA_DIR", data.toString());
        env.put("NECTAR_WEBHOOKS_FIRST_RETRY", firstRetry);
        env.put("NECTAR_WEBHOOKS_POLL_EVERY", "PT0.2S");
        return env;
    }

    private ServerProcess node(Map<String, String> env) throws Exception {
        ServerProcess node = ServerProcess.start(env);
        running.add(node);
        return node;
    }

    /** A merchant whose endpoint (the receiver) hears of closed conversations; returns the API key. */
    private String merchantWithWebhook(ServerProcess node, String merchantId) throws Exception {
        receiver = WebhookReceiver.start();
        running.add(receiver);
        String apiKey = given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchantId, "name", "云杉户外", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
        merchant(node, apiKey).body(Map.of("url", receiver.url(), "events", List.of("conversation.closed")))
                .post("/api/merchants/" + merchantId + "/webhooks").then().statusCode(201);
        return apiKey;
    }

    private static RequestSpecification merchant(ServerProcess node, String apiKey) {
        return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    /** A buyer ends a conversation on the node; returns its id. */
    private static String endConversation(ServerProcess node, String apiKey, String merchantId, String buyerId) throws Exception {
        String token = merchant(node, apiKey).body(Map.of("buyerId", buyerId)).post("/api/merchants/" + merchantId + "/buyer-tokens")
                .then().statusCode(201).extract().path("token");
        try (WsClient ws = WsClient.connect(URI.create(node.baseUrl()), "/ws/chat", token)) {
            String conversationId = ws.next("session").path("conversationId").asText();
            ws.send(Map.of("type", "end"));
            assertThat(ws.isClosed(5000)).isTrue();
            return conversationId;
        }
    }

    @Test
    void twoNodesSendEachEventOnce(@TempDir Path data1, @TempDir Path data2) throws Exception {
        Map<String, String> db = TestPostgres.freshNodeEnv("webhook_nodes_it");
        ServerProcess node1 = node(env(db, data1, "PT1S"));
        ServerProcess node2 = node(env(db, data2, "PT1S"));
        String apiKey = merchantWithWebhook(node1, "hook-two");
        // every third answer is refused, so retries race between the nodes too
        receiver.answer(500, 200, 200, 500, 200, 200, 500);

        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            conversations.add(endConversation(i % 2 == 0 ? node1 : node2, apiKey, "hook-two", "b-" + i));
        }

        receiver.await(r -> true, 12 + 3, WAIT);
        Thread.sleep(3000); // longer than a retry: a second sending would show by now
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(15);
        assertThat(got.stream().map(r -> r.json().path("data").path("conversationId").asText()).distinct())
                .containsExactlyInAnyOrderElementsOf(conversations);
        assertThat(got.stream().map(WebhookReceiver.Received::id).distinct()).hasSize(12);
    }

    @Test
    void aDeliveryRefusedBeforeTheNodeIsKilledIsRetriedAfterItRestarts(@TempDir Path data) throws Exception {
        Map<String, String> db = TestPostgres.freshNodeEnv("webhook_restart_it");
        // the retry is due after the kill, well before the node is back
        Map<String, String> env = env(db, data, "PT3S");
        ServerProcess node = node(env);
        String apiKey = merchantWithWebhook(node, "hook-restart");
        receiver.answer(500);

        String conversationId = endConversation(node, apiKey, "hook-restart", "b-r");
        WebhookReceiver.Received refused = receiver.await(r -> true, 1, WAIT).get(0);
        String webhookId = merchant(node, apiKey).get("/api/merchants/hook-restart/webhooks")
                .then().statusCode(200).extract().path("[0].webhookId");
        String log = "/api/merchants/hook-restart/webhooks/" + webhookId + "/deliveries";
        // killed once the refusal is recorded, so the retry rests on the outbox alone (not on a lease running out)
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Integer.valueOf(1).equals(merchant(node, apiKey).get(log).then().extract().path("[0].attempts"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        node.kill();
        long killedAt = System.currentTimeMillis() / 1000;
        assertThat(receiver.received()).hasSize(1);

        ServerProcess restarted = node(env);
        WebhookReceiver.Received retried = receiver.await(r -> true, 2, WAIT).get(1);
        assertThat(retried.id()).isEqualTo(refused.id());
        assertThat(retried.json().path("data").path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(Long.parseLong(retried.timestamp())).isGreaterThanOrEqualTo(killedAt);
        Thread.sleep(4000);
        assertThat(receiver.received()).hasSize(2);
        merchant(restarted, apiKey).get(log).then()
                .statusCode(200).body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(2));
    }
}
