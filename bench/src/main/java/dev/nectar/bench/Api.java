package dev.nectar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The contract's REST calls this benchmark needs (CONTRACT.md), over java.net.http. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** A new merchant; returns its API key. */
    String createMerchant(String adminToken, String merchantId, String name) throws Exception {
        return send("POST", "/api/admin/merchants", adminToken,
                Map.of("merchantId", merchantId, "name", name, "locale", "zh-CN"), 201).path("apiKey").asText();
    }

    void put(String apiKey, String path, Object body) throws Exception {
        send("PUT", path, apiKey, body, 200);
    }

    String buyerToken(String apiKey, String merchantId, String buyerId) throws Exception {
        return send("POST", "/api/merchants/" + merchantId + "/buyer-tokens", apiKey,
                Map.of("buyerId", buyerId, "ttlSeconds", 86400), 201).path("token").asText();
    }

    /** Tokens for many buyers, {@code parallel} requests at a time. */
    java.util.List<String> buyerTokens(String apiKey, String merchantId, java.util.List<String> buyerIds, int parallel) throws Exception {
        java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(parallel);
        java.util.List<java.util.concurrent.CompletableFuture<String>> all = new java.util.ArrayList<>();
        for (String buyerId : buyerIds) {
            gate.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/merchants/" + merchantId + "/buyer-tokens"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("buyerId", buyerId, "ttlSeconds", 86400))))
                    .build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> gate.release())
                    .thenApply(r -> {
                        try {
                            return checked(r, 201, "buyer token").path("token").asText();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (java.util.concurrent.CompletableFuture<String> f : all) {
            tokens.add(f.get());
        }
        return tokens;
    }

    JsonNode search(String apiKey, String merchantId, String query, int k) throws Exception {
        return send("POST", "/api/merchants/" + merchantId + "/knowledge/search", apiKey, Map.of("query", query, "k", k), 200);
    }

    JsonNode get(String apiKey, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        return checked(r, 200, path);
    }

    /** Multipart upload of one file part; returns the JSON answer. */
    JsonNode upload(String bearer, String path, String fileName, String contentType, byte[] bytes, int expected) throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return checked(r, expected, path);
    }

    String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode send(String method, String path, String bearer, Object body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return checked(r, expected, method + " " + path);
    }

    private static JsonNode checked(HttpResponse<String> r, int expected, String what) throws IOException {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
