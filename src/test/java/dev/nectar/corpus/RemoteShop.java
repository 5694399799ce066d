package dev.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A dataset folder (a corpus shop, or any ../shared/eval dataset) loaded into a fresh merchant of a running server
 * through the public REST API only, exactly as ../shared/eval/run-eval.mjs loads one: merchant, policy, catalog, orders
 * (xxxDaysAgo made absolute), agents, knowledge files, then waiting until every document is READY.
 */
public final class RemoteShop {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String merchantId;
    private final String apiKey;
    private final Path dir;
    private final JsonNode merchant;
    private final JsonNode catalog;
    private final JsonNode orders;
    private final Map<String, String> buyerTokens = new ConcurrentHashMap<>();

    private RemoteShop(String base, String merchantId, String apiKey, Path dir, JsonNode merchant, JsonNode catalog, JsonNode orders) {
        this.base = base;
        this.merchantId = merchantId;
        this.apiKey = apiKey;
        this.dir = dir;
        this.merchant = merchant;
        this.catalog = catalog;
        this.orders = orders;
    }

    public static RemoteShop load(String baseUrl, String adminToken, Path dir) throws Exception {
        String base = baseUrl.replaceAll("/$", "");
        JsonNode merchant = Json.MAPPER.readTree(Files.readString(dir.resolve("merchant.json")));
        String prefix = merchant.path("idPrefix").asText("eval").toLowerCase().replaceAll("[^a-z0-9-]", "");
        String id = (prefix.isEmpty() ? "eval" : prefix) + "-u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        JsonNode created = call(base, "POST", "/api/admin/merchants", adminToken,
                Map.of("merchantId", id, "name", merchant.path("name").asText(), "locale", merchant.path("locale").asText("zh-CN")), 201);
        String key = created.path("apiKey").asText();
        String m = "/api/merchants/" + id;
        if (merchant.has("policy")) {
            call(base, "PUT", m + "/policy", key, merchant.get("policy"), 200);
        }
        JsonNode catalog = Json.MAPPER.readTree(Files.readString(dir.resolve("catalog.json")));
        call(base, "PUT", m + "/catalog", key, catalog, 200);
        JsonNode orders = Json.MAPPER.readTree(Files.readString(dir.resolve("orders.json")));
        call(base, "PUT", m + "/orders", key, CorpusShop.absolute(orders, Instant.now()), 200);
        if (Files.exists(dir.resolve("agents.json"))) {
            for (JsonNode a : Json.MAPPER.readTree(Files.readString(dir.resolve("agents.json")))) {
                call(base, "POST", m + "/agents", key, a, 201);
            }
        }
        List<String> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("knowledge"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode doc = upload(base, m + "/knowledge", key, f);
                if (!"READY".equals(doc.path("status").asText())) {
                    docs.add(doc.path("docId").asText());
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!docs.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("knowledge of " + dir + " not READY within 120 s: " + docs);
            }
            Thread.sleep(300);
            docs.removeIf(d -> {
                try {
                    return "READY".equals(call(base, "GET", m + "/knowledge/" + d, key, null, 200).path("status").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return new RemoteShop(base, id, key, dir, merchant, catalog, orders);
    }

    public String merchantId() {
        return merchantId;
    }

    public String baseUrl() {
        return base;
    }

    public Path dir() {
        return dir;
    }

    public JsonNode merchant() {
        return merchant;
    }

    /** catalog.json as written. */
    public JsonNode catalog() {
        return catalog;
    }

    /** orders.json as written (relative dates). */
    public JsonNode orders() {
        return orders;
    }

    /** A buyer token for this buyer, issued once and reused (a day long). */
    public String buyerToken(String buyerId) {
        return buyerTokens.computeIfAbsent(buyerId, b -> {
            try {
                return call(base, "POST", "/api/merchants/" + merchantId + "/buyer-tokens", apiKey,
                        Map.of("buyerId", b, "ttlSeconds", 86400), 201).path("token").asText();
            } catch (Exception e) {
                throw new IllegalStateException("buyer token for " + b, e);
            }
        });
    }

    /** GET on this merchant's API (path below /api/merchants/{m}), expecting 200. */
    public JsonNode get(String path) throws Exception {
        return call(base, "GET", "/api/merchants/" + merchantId + path, apiKey, null, 200);
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode call(String base, String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        return parse(method + " " + path, HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), expected);
    }

    private static JsonNode upload(String base, String path, String token, Path file) throws Exception {
        String boundary = "----nectar" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(Files.readAllBytes(file));
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return parse("upload " + file.getFileName(), HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 201);
    }

    private static JsonNode parse(String what, HttpResponse<String> res, int expected) throws IOException {
        if (res.statusCode() / 100 != expected / 100) {
            throw new IllegalStateException(what + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return res.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(res.body());
    }
}
