package dev.nectar.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.ServerProcess;
import dev.nectar.WsClient;
import dev.nectar.platform.Json;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The three pages in a real browser: Debian's headless Chromium, driven by Playwright from
 * {@code src/test/e2e/pages.e2e.mjs}, against the packaged server started as a process. Each test runs one flow
 * through the pages, then checks through the API that the server did what the page showed. Screenshots of the three
 * pages at desktop (1280x800) and phone (390x844) widths are written to {@code target/screenshots}.
 * <p>
 * Needs {@code node} (20+) and {@code chromium} ({@code scripts/services.sh --browser} installs both); without them
 * it fails, it never skips. The npm dependency (playwright-core, pinned in package-lock.json) is installed with
 * {@code npm ci} when missing; Playwright never downloads a browser.
 */
class WebPagesIT {
    private static final Path E2E = Path.of("src", "test", "e2e");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path LOGS = Path.of("target", "e2e");
    private static final String ADMIN = "web-it-admin-" + UUID.randomUUID();
    private static final String CHROMIUM = System.getenv().getOrDefault("NECTAR_CHROMIUM", "/usr/bin/chromium");
    private static final long FLOW_TIMEOUT_SECONDS = 120;

    // the shop's fictional data; the same words are handed to the browser flows
    private static final String KNOWLEDGE_QUESTION = "到店自提几点可以去拿?";
    private static final String KNOWLEDGE_ANSWER = "上午十点到晚上八点";
    private static final String RETURN_ORDER = "WB-R1001";
    private static final String EVIDENCE_ORDER = "WB-D2001";
    private static final String AGENT_NAME = "小满";
    private static final String AGENT_REPLY = "您好,我是小满。刻字杯需要在下单备注里写上内容,三个工作日内发出。";

    private static String node;
    private static ServerProcess server;
    private static String merchantId;
    private static String apiKey;
    private static Map<String, Object> config;

    @BeforeAll
    static void startServerAndShop() throws Exception {
        node = requireNode();
        assertThat(Path.of(CHROMIUM)).as("Chromium is missing: run scripts/services.sh --browser (or set NECTAR_CHROMIUM)")
                .isExecutable();
        installPlaywright();
        Path data = Files.createTempDirectory("nectar-web-it-");
        // the demo shop stays on: the chat page's demo button is one of the flows
        server = ServerProcess.start(Map.of("NECTAR_DATA_DIR", data.toString(), "NECTAR_ADMIN_TOKEN", ADMIN));
        createShop();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBuyerAsksAKnowledgeQuestionAndGetsTheAnswerFromTheShopsDocument() throws Exception {
        JsonNode seen = flow("knowledge");

        JsonNode conversation = api().get("/conversations/" + seen.path("conversationId").asText())
                .then().statusCode(200).extract().as(JsonNode.class);
        JsonNode botTurn = lastTurn(conversation, "BOT");
        assertThat(botTurn.path("text").asText()).contains(KNOWLEDGE_ANSWER);
        assertThat(botTurn.path("toolCalls").findValuesAsText("tool")).contains("knowledge_search");
    }

    @Test
    void aMerchantAddsAWebhookAndResendsARefusedDeliveryFromItsLog() throws Exception {
        JsonNode seen = flow("webhooks");

        assertThat(seen.path("event").asText()).isEqualTo("knowledge.ready");
        assertThat(seen.path("received").asInt()).isEqualTo(2);
        JsonNode deliveries = api().get("/webhooks/" + seen.path("webhookId").asText() + "/deliveries")
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.path("attempts").asInt()).isEqualTo(2);
        });
        assertScreenshots("console-webhooks");
    }

    @Test
    void aPlainPageWithOnlyTheWidgetTagOpensTheChatAndGetsAReply() throws Exception {
        JsonNode seen = flow("widget");

        JsonNode conversation = api().get("/conversations/" + seen.path("conversationId").asText())
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(conversation.path("buyerId").asText()).isEqualTo("wb-site");
        assertThat(lastTurn(conversation, "BOT").path("text").asText()).contains(KNOWLEDGE_ANSWER);
        assertScreenshots("widget");
    }

    @Test
    void aBuyerReturnsAnItemWithAConfirmClick() throws Exception {
        JsonNode seen = flow("returns");

        api().queryParam("orderId", RETURN_ORDER).get("/after-sales").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].caseId", equalTo(seen.path("caseId").asText()))
                .body("[0].type", equalTo("RETURN_REFUND"))
                .body("[0].status", equalTo("APPROVED"));
        assertScreenshots("chat");
    }

    @Test
    void aBuyerHandedToAnAgentReadsTheReplyTheAgentWroteInTheWorkbench() throws Exception {
        JsonNode seen = flow("handoff");

        String conversationId = seen.path("conversationId").asText();
        JsonNode conversation = api().get("/conversations/" + conversationId).then().statusCode(200).extract().as(JsonNode.class);
        assertThat(lastTurn(conversation, "AGENT").path("text").asText()).isEqualTo(AGENT_REPLY);
        assertThat(conversation.path("status").asText()).isEqualTo("BOT"); // resolved: the bot serves again
        api().queryParam("status", "RESOLVED").get("/handoffs").then().statusCode(200)
                .body("find { it.conversationId == '" + conversationId + "' }.agentId", equalTo("wb-agent"));
        api().queryParam("status", "APPROVED").get("/knowledge-suggestions").then().statusCode(200)
                .body("find { it.suggestionId == '" + seen.path("suggestionId").asText() + "' }.answer", equalTo(AGENT_REPLY));
        assertScreenshots("agent");
    }

    @Test
    void aMerchantUploadsADocumentInTheConsoleAndSeesItBecomeReady() throws Exception {
        JsonNode seen = flow("upload");

        // the flow saw READY on the page and from the API, searched it, then deleted it in the console
        api().get("/knowledge/" + seen.path("docId").asText()).then().statusCode(404);
        assertScreenshots("console");
    }

    @Test
    void aBuyersPhotoIsReviewedByTheMerchantWithItsVerdictAndSignals() throws Exception {
        JsonNode seen = flow("evidence");

        api().get("/after-sales/" + seen.path("caseId").asText()).then().statusCode(200)
                .body("orderId", equalTo(EVIDENCE_ORDER))
                .body("reason", equalTo("DAMAGED"))
                .body("status", equalTo("APPROVED"))
                .body("evidence[0].verdict", equalTo("FAKE"))
                .body("decisionNote", equalTo("包装破损属实,同意退货"));
        assertScreenshots("console-aftersales");
    }

    @Test
    void aRefusedTokenBringsBackTheLoginWhereTheDemoButtonStartsAConversation() throws Exception {
        JsonNode seen = flow("demo");

        assertThat(seen.path("title").asText()).isNotBlank();
        assertThat(seen.path("conversationId").asText()).startsWith("cv-");
    }

    /** A scripted stand-in for /ws/chat: streamed deltas, every card kind, queue, agent, errors and the rating. */
    @Test
    void theQualityPageShowsAFindingInsideItsTranscriptAndADismissalSticks() throws Exception {
        // a real conversation over the buyer socket that ends with one star; reading its record inspects it now
        String conversationId;
        try (WsClient buyer = WsClient.connect(java.net.URI.create(server.baseUrl()), "/ws/chat", buyerToken("wb-eve"))) {
            conversationId = buyer.next("session").path("conversationId").asText();
            buyer.send(Map.of("type", "message", "id", "q1", "text", "你好"));
            buyer.next(f -> "q1".equals(f.path("replyTo").asText()));
            buyer.send(Map.of("type", "rate", "score", 1));
            buyer.send(Map.of("type", "end"));
        }
        String path = "/quality/conversations/" + conversationId;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                "CLOSED".equals(api().get("/conversations/" + conversationId).then().extract().path("status")));
        api().get(path).then().statusCode(200).body("findings.rule", equalTo(List.of("NEGATIVE_ENDING")));
        config.put("quality", Map.of("conversationId", conversationId, "note", "买家误触一星,已电话回访"));

        JsonNode seen = flow("quality");

        assertThat(seen.path("flaggedTurn").asInt()).isEqualTo(api().get(path).then().extract().<Integer>path("findings[0].turn"));
        api().get(path).then().statusCode(200).body("score", equalTo(100))
                .body("findings[0].dismissal.note", equalTo("买家误触一星,已电话回访"));
        assertScreenshots("console-quality");
    }

    @Test
    void theChatPageRendersEveryServerFrameOfTheContract() throws Exception {
        assertThat(flow("frames").path("checked").asText()).isEqualTo("frames");
    }

    // ---------------------------------------------------------------- the shop

    private static void createShop() {
        merchantId = "web-it-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchantId, "name", "晨光杂货铺", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
        api().body(List.of(
                product("WB-MUG-BLUE", "WB-MUG", "手绘陶瓷马克杯 蓝", 59),
                product("WB-LAMP", "WB-LAMP", "竹编床头灯", 129))).put("/catalog").then().statusCode(200);
        api().body(List.of(
                order(RETURN_ORDER, "wb-ann", "WB-MUG-BLUE", "手绘陶瓷马克杯 蓝", 59, true),
                order(EVIDENCE_ORDER, "wb-ben", "WB-LAMP", "竹编床头灯", 129, false))).put("/orders").then().statusCode(200);
        String pickup = "# 门店自提\n\n## 自提时间\n晨光杂货铺支持到店自提,自提点营业时间为每天上午十点到晚上八点,凭取件码领取。\n\n"
                + "## 自提地点\n自提点位于银杏路 88 号一楼服务台。\n";
        api().contentType(ContentType.MULTIPART).multiPart("file", "pickup.md", pickup.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/knowledge").then().statusCode(201).body("status", equalTo("READY"));
        String agentToken = api().body(Map.of("agentId", "wb-agent", "name", AGENT_NAME, "tier", 2))
                .post("/agents").then().statusCode(201).extract().path("token");

        config = new LinkedHashMap<>();
        config.put("baseUrl", server.baseUrl());
        config.put("chromium", CHROMIUM);
        config.put("shotsDir", SHOTS.toAbsolutePath().toString());
        config.put("merchantId", merchantId);
        config.put("apiKey", apiKey);
        config.put("agentToken", agentToken);
        config.put("agentName", AGENT_NAME);
        config.put("buyers", Map.of("knowledge", buyerToken("wb-kim"), "returns", buyerToken("wb-ann"),
                "handoff", buyerToken("wb-dan"), "evidence", buyerToken("wb-ben")));
        config.put("knowledge", Map.of("question", KNOWLEDGE_QUESTION, "expect", KNOWLEDGE_ANSWER));
        config.put("webhooks", Map.of("fileName", "care.md", "document", "# 保养说明\n\n竹制品请放在通风处,避免长时间浸水。\n"));
        config.put("widget", Map.of("token", buyerToken("wb-site"), "question", KNOWLEDGE_QUESTION, "expect", KNOWLEDGE_ANSWER));
        config.put("returns", Map.of("text", "杯子不想要了,我要退货", "orderId", RETURN_ORDER));
        config.put("handoff", Map.of("buyerId", "wb-dan", "before", "马克杯可以刻字吗", "reply", AGENT_REPLY,
                "answer", "好的,谢谢", "note", "已告知刻字下单方式", "question", "马克杯可以刻字吗?"));
        config.put("upload", Map.of("fileName", "gift-wrap.md", "title", "礼品包装服务",
                "content", "# 礼品包装服务\n\n下单时备注“礼品包装”,我们会免费使用牛皮纸和麻绳包装,并附手写贺卡。\n",
                "query", "可以帮忙包装礼物吗"));
        config.put("evidence", Map.of("text", "台灯收到就摔坏了,灯罩裂了,要退货退款", "note", "包装破损属实,同意退货",
                // what an image generator writes into its PNGs: the photo's verdict is FAKE
                "generatorParameters", "a cracked bamboo lamp on a desk, Steps: 20, Sampler: Euler a, CFG scale: 7"));
    }

    private static Map<String, Object> product(String sku, String spu, String title, int price) {
        return Map.of("sku", sku, "spu", spu, "title", title, "category", "家居", "price", price, "stock", 20);
    }

    private static Map<String, Object> order(String orderId, String buyerId, String sku, String title, int total, boolean insured) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        return Map.of("orderId", orderId, "buyerId", buyerId, "status", "DELIVERED",
                "createdAt", now.minusDays(6).toString(), "paidAt", now.minusDays(6).toString(),
                "shippedAt", now.minusDays(5).toString(), "deliveredAt", now.minusDays(2).toString(),
                "total", total, "shippingInsurance", insured,
                "items", List.of(Map.of("sku", sku, "title", title, "quantity", 1, "unitPrice", total)));
    }

    private static String buyerToken(String buyerId) {
        return api().body(Map.of("buyerId", buyerId)).post("/buyer-tokens").then().statusCode(201).extract().path("token");
    }

    /** A merchant-authenticated request relative to /api/merchants/{m}. */
    private static RequestSpecification api() {
        return given().baseUri(server.baseUrl()).basePath("/api/merchants/" + merchantId)
                .header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    private static JsonNode lastTurn(JsonNode conversation, String role) {
        JsonNode last = null;
        for (JsonNode turn : conversation.path("turns")) {
            if (role.equals(turn.path("role").asText())) {
                last = turn;
            }
        }
        assertThat(last).as("a %s turn in %s", role, conversation).isNotNull();
        return last;
    }

    private static void assertScreenshots(String page) {
        for (String width : List.of("desktop", "phone")) {
            Path shot = SHOTS.resolve(page + "-" + width + ".png");
            assertThat(shot).as("screenshot %s", shot).isNotEmptyFile();
        }
    }

    // ---------------------------------------------------------------- node and the browser

    /** Runs one flow of pages.e2e.mjs; its output goes to target/e2e/<flow>.log and is shown when it fails. */
    private static JsonNode flow(String name) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(node, "pages.e2e.mjs", name).directory(E2E.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NECTAR_E2E", Json.write(config));
        Process p = pb.start();
        boolean done = p.waitFor(FLOW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(done && p.exitValue() == 0)
                .as("browser flow %s %s:%n%s%nserver log tail:%n%s", name, done ? "failed" : "timed out", output, serverTail())
                .isTrue();
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("flow " + name + " printed no RESULT line:\n" + output));
        return Json.MAPPER.readTree(result.substring("RESULT ".length()));
    }

    private static String serverTail() {
        try {
            List<String> lines = server.output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static String requireNode() throws Exception {
        String command = System.getenv().getOrDefault("NECTAR_NODE", "node");
        String version;
        try {
            version = run(List.of(command, "--version"), Path.of(".")).strip();
        } catch (IOException e) {
            throw new AssertionError("node is missing: run scripts/services.sh --browser (or set NECTAR_NODE)", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
        assertThat(major).as("node %s is too old for playwright-core; Node.js 20 or newer is needed", version).isGreaterThanOrEqualTo(20);
        return command;
    }

    /** npm ci when node_modules does not hold the locked playwright-core; the npm registry is needed only then. */
    private static void installPlaywright() throws Exception {
        String locked = Json.MAPPER.readTree(E2E.resolve("package-lock.json").toFile())
                .path("packages").path("node_modules/playwright-core").path("version").asText();
        Path installed = E2E.resolve("node_modules/playwright-core/package.json");
        if (Files.exists(installed) && locked.equals(Json.MAPPER.readTree(installed.toFile()).path("version").asText())) {
            return;
        }
        Path npm = Path.of(node).getParent() == null ? Path.of("npm") : Path.of(node).resolveSibling("npm");
        run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), E2E);
    }

    private static String run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
