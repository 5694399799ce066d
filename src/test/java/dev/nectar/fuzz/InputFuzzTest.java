package dev.nectar.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.platform.Json;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Generated bad input against the started server: chat frames over a real WebSocket and JSON bodies of the REST
 * endpoints. Never a 5xx or an {@code INTERNAL_ERROR} frame, every error in the contract's form, no stack trace or
 * class name in any body or frame, no socket closed by the server, and the server healthy afterwards.
 *
 * <p>CI-sized by default; {@code -Dfuzz.count=N} sets the inputs per surface and {@code -Dfuzz.seed=S}
 * repeats a run (every run prints its seed and counts).
 */
@QuarkusTest
class InputFuzzTest {
    private static final int COUNT = Integer.getInteger("fuzz.count", 2_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    /** Frames per buyer: under the chat burst, so frames are parsed and answered rather than rate limited. */
    private static final int FRAMES_PER_BUYER = 15;

    @TestHTTPResource("/")
    URI base;

    private record Endpoint(String method, String path, String sample) {
    }

    private static List<Endpoint> endpoints(TestShop shop) {
        String m = "/api/merchants/" + shop.merchantId();
        String product = "{\"sku\":\"S-1\",\"spu\":\"P-1\",\"title\":\"白色T恤\",\"category\":\"服装\",\"price\":99.00,\"stock\":5,"
                + "\"description\":\"纯棉\",\"attributes\":{\"颜色\":\"白\",\"尺码\":\"L\"},\"tags\":[\"夏季\"],\"rating\":4.8,\"sales\":1200}";
        String order = "{\"orderId\":\"O-1\",\"buyerId\":\"b1\",\"status\":\"DELIVERED\",\"createdAt\":\"2026-05-01T10:00:00+08:00\","
                + "\"paidAt\":\"2026-05-01T10:01:00+08:00\",\"shippedAt\":\"2026-05-02T10:00:00+08:00\",\"deliveredAt\":\"2026-05-03T10:00:00+08:00\","
                + "\"total\":99.00,\"shippingInsurance\":true,\"items\":[{\"sku\":\"S-1\",\"title\":\"白色T恤\",\"quantity\":1,\"unitPrice\":99.00}],"
                + "\"address\":{\"name\":\"王女士\",\"phone\":\"13800000000\",\"region\":\"上海市\",\"detail\":\"浦东新区1号\"},"
                + "\"logistics\":{\"carrier\":\"顺丰\",\"trackingNo\":\"SF1\",\"events\":[{\"time\":\"2026-05-02T10:00:00+08:00\",\"description\":\"已揽收\"}]}}";
        return List.of(
                new Endpoint("PUT", m + "/catalog", "[" + product + "]"),
                new Endpoint("PUT", m + "/orders", "[" + order + "]"),
                new Endpoint("PUT", m + "/policy", "{\"noReasonReturnDays\":7,\"noReasonExcludedCategories\":[\"生鲜\",\"定制\"],"
                        + "\"qualityClaimDays\":30,\"refundOnlyAutoApproveMax\":50.00,\"categorySkills\":{\"母婴\":\"maternal_infant\"}}"),
                new Endpoint("POST", m + "/buyer-tokens", "{\"buyerId\":\"b1\",\"ttlSeconds\":86400}"),
                new Endpoint("POST", m + "/agents", "{\"agentId\":\"a1\",\"name\":\"小林\",\"certifications\":[\"pet\"],\"tier\":3,\"maxConcurrent\":3}"),
                new Endpoint("POST", m + "/knowledge/search", "{\"query\":\"退货地址\",\"k\":5}"),
                new Endpoint("POST", m + "/after-sales/AS1/decision", "{\"approve\":true,\"note\":\"同意\"}"),
                new Endpoint("POST", m + "/webhooks", "{\"url\":\"https://erp.example.cn/nectar\",\"events\":[\"case.created\"]}"),
                new Endpoint("PUT", m + "/service-settings", "{\"slaSeconds\":60}"),
                new Endpoint("PUT", m + "/handoff-settings", "{\"timezone\":\"Asia/Shanghai\"}"),
                new Endpoint("POST", m + "/knowledge-suggestions/ks1/approve", "{\"question\":\"能开发票吗\",\"answer\":\"可以\"}"),
                new Endpoint("POST", m + "/quality/conversations/cv1/findings/0/dismiss", "{\"note\":\"误报\"}"),
                new Endpoint("POST", "/api/admin/merchants", "{\"merchantId\":\"fuzz-shop\",\"name\":\"小店\",\"locale\":\"zh-CN\"}"));
    }

    @Test
    void restBodiesNeverGetA5xxOrALeak() throws Exception {
        TestShop shop = TestShop.create();
        FuzzInputs in = new FuzzInputs(SEED);
        List<Endpoint> endpoints = endpoints(shop);
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            Endpoint e = in.pick(endpoints);
            String body = FuzzInputs.wire(in.around(e.sample()));
            int type = in.nextInt(20);
            HttpRequest request = HttpRequest.newBuilder(base.resolve(e.path()))
                    .header("Authorization", e.path().startsWith("/api/admin") ? "Bearer " + TestShop.ADMIN_TOKEN : shop.auth())
                    .header("Content-Type", type == 0 ? "text/plain" : type == 1 ? "application/xml" : "application/json; charset=UTF-8")
                    .method(e.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String what = "seed " + SEED + ", input " + i + ": " + e.method() + " " + e.path() + " " + abbreviate(body);
            assertThat(r.statusCode()).as(what).isLessThan(500);
            assertThat(r.body()).as(what).doesNotContainPattern(FuzzInputs.LEAK);
            if (r.statusCode() >= 400) {
                JsonNode error = Json.MAPPER.readTree(r.body()).path("error");
                assertThat(error.path("code").asText()).as(what + " answered " + r.body()).matches("[A-Z_]+");
                assertThat(error.path("message").isTextual()).as(what + " answered " + r.body()).isTrue();
            }
        }
        System.out.printf("REST fuzz: seed %d, %d bodies over %d endpoints in %d ms, statuses %s%n", SEED, COUNT,
                endpoints.size(), (System.nanoTime() - started) / 1_000_000, statuses);
        healthy(shop);
    }

    @Test
    void chatFramesNeverCloseTheSocketOrLeak() throws Exception {
        TestShop shop = TestShop.create();
        FuzzInputs in = new FuzzInputs(SEED + 1);
        Map<String, Integer> answers = new TreeMap<>();
        long started = System.nanoTime();
        int sent = 0;
        for (int buyer = 0; sent < COUNT; buyer++) {
            try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("fuzz-" + buyer))) {
                ws.next("session");
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < FRAMES_PER_BUYER && sent < COUNT; i++, sent++) {
                    String frame = FuzzInputs.wire(frame(in, sent));
                    batch.add(frame);
                    ws.sendRaw(frame);
                }
                String what = "seed " + (SEED + 1) + ", buyer fuzz-" + buyer + ", frames " + batch.stream().map(InputFuzzTest::abbreviate).toList();
                // a plain message after the batch: its answer means every frame before it was handled
                ws.send(Map.of("type", "message", "id", "probe", "text", "你好"));
                JsonNode probe = ws.next(f -> "probe".equals(f.path("replyTo").asText()));
                assertThat(probe.path("type").asText()).as(what).isIn("reply", "error", "handoff");
                assertThat(ws.isClosed(0)).as(what).isFalse();
                for (JsonNode f : ws.drain(0)) {
                    answers.merge(f.path("type").asText() + (f.has("code") ? ":" + f.path("code").asText() : ""), 1, Integer::sum);
                    assertThat(f.path("code").asText()).as(what + " answered " + f).isNotEqualTo("INTERNAL_ERROR");
                    assertThat(f.toString()).as(what).doesNotContainPattern(FuzzInputs.LEAK);
                }
                assertThat(probe.toString()).as(what).doesNotContainPattern(FuzzInputs.LEAK);
            }
        }
        System.out.printf("chat fuzz: seed %d, %d frames over %d sockets in %d ms, answers %s%n", SEED + 1, sent,
                (sent + FRAMES_PER_BUYER - 1) / FRAMES_PER_BUYER, (System.nanoTime() - started) / 1_000_000, answers);
        healthy(shop);
    }

    /** A buyer frame: a message, confirm or rate with odd values, a frame of unknown type, or anything at all. */
    private static String frame(FuzzInputs in, int n) {
        return switch (in.nextInt(6)) {
            case 0, 1 -> in.object(Map.of("type", "\"message\"", "id", in.quote("f" + n), "text", in.quote(in.text(1 + in.nextInt(80)))));
            case 2 -> in.object(Map.of("type", in.quote(in.pick(List.of("message", "confirm", "rate", "ping", "MESSAGE", "")))));
            case 3 -> in.around("{\"type\":\"confirm\",\"actionId\":\"act-1\",\"accept\":true}");
            case 4 -> in.around("{\"type\":\"message\",\"id\":\"c" + n + "\",\"text\":\"我的订单到哪了\",\"images\":[\"img_1\"]}");
            default -> in.around("{\"type\":\"rate\",\"score\":5}");
        };
    }

    /** After the run: health is UP and a fresh buyer still gets a reply. */
    private void healthy(TestShop shop) {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("after-fuzz"))) {
            ws.next("session");
            ws.send(Map.of("type", "message", "id", "after", "text", "你好"));
            assertThat(ws.next(f -> "after".equals(f.path("replyTo").asText())).path("type").asText()).isEqualTo("reply");
        } catch (Exception e) {
            throw new AssertionError("the chat does not answer after the fuzz run", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
