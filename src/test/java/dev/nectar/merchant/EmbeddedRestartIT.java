package dev.nectar.merchant;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static dev.nectar.Money.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged server as an operator runs it ({@code java -jar target/quarkus-app/quarkus-run.jar}, nothing
 * configured but a data folder and a port): it comes up with the demo shop, keeps what merchants sent across a
 * restart, and never writes a credential to its output. Needs {@code mvn package} first (failsafe runs after it).
 */
class EmbeddedRestartIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private Process server;
    private int port;
    private final List<Path> logs = new ArrayList<>();

    @AfterEach
    void stopServer() throws InterruptedException {
        stop();
    }

    @Test
    void theEmbeddedServerStartsWithTheDemoShopAndKeepsMerchantDataAcrossARestart() throws Exception {
        assertThat(JAR).as("run mvn package before this test").exists();
        Path dataDir = work.resolve("data");

        start(dataDir);

        // the data folder was created private (its database holds the buyer-token secret)
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        // no admin token configured: one was generated into the data folder, owner-only
        Path adminFile = dataDir.resolve("admin-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile))).isEqualTo("rw-------");
        String admin = Files.readString(adminFile).trim();

        // the demo shop loaded on first start, its credentials in an owner-only file
        Path credentialsFile = dataDir.resolve(DemoShop.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile))).isEqualTo("rw-------");
        Properties demo = properties(credentialsFile);
        assertThat(demo.getProperty("chat.url")).isEqualTo("ws://localhost:" + port + "/ws/chat");
        String demoKey = demo.getProperty("merchant.apiKey");
        api().header("Authorization", "Bearer " + demoKey).get("/api/merchants/demo/catalog/QH-BOOT-42")
                .then().statusCode(200).body("spu", equalTo("QH-BOOT"));
        assertThat(log(0)).contains(credentialsFile.toAbsolutePath().toString()).contains("ws://localhost:" + port + "/ws/chat");

        // a merchant sends its data
        String key = api().header("Authorization", "Bearer " + admin)
                .body(Map.of("merchantId", "restart-it", "name", "重启测试店", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
        String auth = "Bearer " + key;
        api().header("Authorization", auth).body(List.of(Map.of("sku", "lamp-1", "spu", "lamp", "title", "竹编台灯",
                "category", "家居", "price", 129.9, "stock", 4))).put("/api/merchants/restart-it/catalog").then().statusCode(200);
        api().header("Authorization", auth).body(List.of(Map.of("orderId", "r-1", "buyerId", "buyer-r", "status", "SHIPPED",
                "createdAt", "2025-04-01T09:00:00+08:00", "total", 129.9, "shippingInsurance", true,
                "items", List.of(Map.of("sku", "lamp-1", "title", "竹编台灯", "quantity", 1, "unitPrice", 129.9)))))
                .put("/api/merchants/restart-it/orders").then().statusCode(200);
        api().header("Authorization", auth).body(Map.of("noReasonReturnDays", 14, "noReasonExcludedCategories", List.of("家居")))
                .put("/api/merchants/restart-it/policy").then().statusCode(200);
        String buyerToken = api().header("Authorization", auth).body(Map.of("buyerId", "buyer-r"))
                .post("/api/merchants/restart-it/buyer-tokens").then().statusCode(201).extract().path("token");
        String agentToken = api().header("Authorization", auth).body(Map.of("agentId", "agent-r", "name", "阿禾"))
                .post("/api/merchants/restart-it/agents").then().statusCode(201).extract().path("token");

        stop();
        start(dataDir);

        api().header("Authorization", auth).get("/api/merchants/restart-it/catalog/lamp-1").then().statusCode(200)
                .body("title", equalTo("竹编台灯")).body("price", money("129.90")).body("stock", equalTo(4));
        api().header("Authorization", auth).get("/api/merchants/restart-it/orders/r-1").then().statusCode(200)
                .body("status", equalTo("SHIPPED")).body("shippingInsurance", equalTo(true)).body("items[0].sku", equalTo("lamp-1"));
        api().header("Authorization", auth).get("/api/merchants/restart-it/policy").then().statusCode(200)
                .body("noReasonReturnDays", equalTo(14)).body("noReasonExcludedCategories", containsInAnyOrder("家居"));
        api().header("Authorization", "Bearer " + admin)
                .body(Map.of("merchantId", "restart-it", "name", "重启测试店")).post("/api/admin/merchants").then().statusCode(409);
        // the demo shop was not created a second time: the first key still works and stays in the file
        api().header("Authorization", "Bearer " + demoKey).get("/api/merchants/demo/policy").then().statusCode(200)
                .body("categorySkills.宠物", equalTo("pet"));
        assertThat(properties(credentialsFile).getProperty("merchant.apiKey")).isEqualTo(demoKey);
        assertThat(log(0)).contains("merchant demo) created");
        assertThat(log(1)).contains("merchant demo) ready").doesNotContain("merchant demo) created");

        // no credential ever reached the output
        List<String> secrets = new ArrayList<>(List.of(admin, demoKey, key, buyerToken, agentToken));
        demo.stringPropertyNames().stream().filter(k -> k.endsWith(".token")).map(demo::getProperty).forEach(secrets::add);
        for (int i = 0; i < logs.size(); i++) {
            String output = log(i);
            assertThat(secrets).allSatisfy(secret -> assertThat(output).doesNotContain(secret));
        }
    }

    private void start(Path dataDir) throws IOException, InterruptedException {
        port = freePort();
        Path log = work.resolve("server-" + logs.size() + ".log");
        logs.add(log);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // the embedded default: nothing configured but where to keep data and which port to listen on
        env.keySet().removeIf(k -> k.startsWith("NECTAR_") || k.startsWith("QUARKUS_"));
        env.put("NECTAR_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        server = pb.start();
        waitUntilUp();
    }

    private void waitUntilUp() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped during start-up:\n" + Files.readString(logs.get(logs.size() - 1)));
            }
            try {
                HttpResponse<String> r = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/q/health was not UP within " + START_TIMEOUT + ":\n" + Files.readString(logs.get(logs.size() - 1)));
    }

    /** A graceful stop (SIGTERM), as an operator's restart does. */
    private void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        server = null;
    }

    private RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON);
    }

    private String log(int run) throws IOException {
        return Files.readString(logs.get(run), StandardCharsets.UTF_8);
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
