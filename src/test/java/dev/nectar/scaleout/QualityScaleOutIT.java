package dev.nectar.scaleout;

import dev.nectar.ServerProcess;
import dev.nectar.TestPostgres;
import dev.nectar.WsClient;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance 2: two server processes on one PostgreSQL, both sweeping for closed conversations every 200 ms, so that
 * their sweeps race for the same conversations; every conversation is inspected, and by one node only (the two
 * nodes' inspection counters add up to the number of conversations).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityScaleOutIT {
    private static final String ADMIN = "quality-scale-admin";
    private static final String MERCHANT = "quality-scale";
    private static final int CONVERSATIONS = 40;
    private static final Pattern INSPECTIONS = Pattern.compile("(?m)^nectar_quality_inspections_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

    private ServerProcess node1;
    private ServerProcess node2;
    private String apiKey;

    @BeforeAll
    void start(@TempDir Path data1, @TempDir Path data2) throws Exception {
        Map<String, String> shared = new HashMap<>(TestPostgres.freshNodeEnv("quality_scaleout_it"));
        shared.put("NECTAR_ADMIN_TOKEN", ADMIN);
        shared.put("NECTAR_DEMO", "false");
        shared.put("NECTAR_QUALITY_SWEEP_EVERY", "PT0.2S");
        Map<String, String> env1 = new HashMap<>(shared);
        env1.put("NECTAR_DATA_DIR", data1.toString());
        Map<String, String> env2 = new HashMap<>(shared);
        env2.put("NECTAR_DATA_DIR", data2.toString());
        node1 = ServerProcess.start(env1);
        node2 = ServerProcess.start(env2);
        apiKey = given().baseUri(node1.baseUrl()).header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body(Map.of("merchantId", MERCHANT, "name", "双节点小店", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{node1, node2}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void theSweepsOfTwoNodesInspectEveryConversationOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            ServerProcess node = i % 2 == 0 ? node1 : node2;
            String token = given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON)
                    .body(Map.of("buyerId", "qs-" + i)).post("/api/merchants/" + MERCHANT + "/buyer-tokens")
                    .then().statusCode(201).extract().path("token");
            try (WsClient buyer = WsClient.connect(URI.create(node.baseUrl()), "/ws/chat", token)) {
                ids.add(buyer.next("session").path("conversationId").asText());
                buyer.send(Map.of("type", "message", "id", "m", "text", i % 4 == 0 ? "太差了,什么破店" : "你好"));
                buyer.next(f -> "m".equals(f.path("replyTo").asText()));
                buyer.send(Map.of("type", "end"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(node2.baseUrl())
                .header("Authorization", "Bearer " + apiKey).get("/api/merchants/" + MERCHANT + "/quality")
                .then().statusCode(200).extract().jsonPath().getList("conversationId", String.class).containsAll(ids));
        Thread.sleep(1_000); // a few more sweeps on both nodes: nothing is inspected again

        double one = inspections(node1);
        double two = inspections(node2);
        assertThat(one + two).as("node 1 inspected %s, node 2 %s", one, two).isEqualTo(CONVERSATIONS);
        List<Map<String, Object>> records = given().baseUri(node1.baseUrl()).header("Authorization", "Bearer " + apiKey)
                .get("/api/merchants/" + MERCHANT + "/quality").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(records).hasSize(CONVERSATIONS);
        // the angry endings were found, whichever node inspected them
        assertThat(records).filteredOn(r -> !((List<?>) r.get("findings")).isEmpty()).hasSize(CONVERSATIONS / 4);
        assertThat(given().baseUri(node1.baseUrl()).get("/q/metrics").asString() + given().baseUri(node2.baseUrl()).get("/q/metrics").asString())
                .contains("nectar_quality_findings_total{rule=\"NEGATIVE_ENDING\",severity=\"MEDIUM\"}");
    }

    private static double inspections(ServerProcess node) {
        Matcher m = INSPECTIONS.matcher(given().baseUri(node.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
