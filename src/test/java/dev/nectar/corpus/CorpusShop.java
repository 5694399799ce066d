package dev.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nectar.TestShop;
import dev.nectar.knowledge.KnowledgeApi;
import dev.nectar.platform.Json;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * A corpus shop loaded into a fresh merchant through the public API, as ../shared/eval/run-eval.mjs loads a dataset:
 * policy, catalog, orders (relative dates made absolute), agents and the knowledge files, waited on until READY.
 */
public final class CorpusShop {
    private CorpusShop() {
    }

    public static TestShop load(String name) {
        Path dir = Corpus.shop(name);
        try {
            JsonNode merchant = Json.MAPPER.readTree(Files.readString(dir.resolve("merchant.json")));
            String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            String key = given().header("Authorization", "Bearer " + TestShop.ADMIN_TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("merchantId", id, "name", merchant.path("name").asText(), "locale", "zh-CN"))
                    .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
            TestShop shop = new TestShop(id, key);
            if (merchant.has("policy")) {
                shop.put("/policy", Json.MAPPER.writeValueAsString(merchant.get("policy")));
            }
            shop.put("/catalog", Files.readString(dir.resolve("catalog.json")));
            shop.put("/orders", Json.MAPPER.writeValueAsString(absolute(Json.MAPPER.readTree(Files.readString(dir.resolve("orders.json"))), Instant.now())));
            try (Stream<Path> files = Files.list(dir.resolve("knowledge"))) {
                for (Path f : files.sorted().toList()) {
                    KnowledgeApi.uploadReady(shop, f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
            return shop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields named xxxDaysAgo become xxxAt (daysAgo becomes time), as the evaluation runner does. */
    static JsonNode absolute(JsonNode node, Instant now) {
        if (node instanceof ArrayNode a) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            a.forEach(n -> out.add(absolute(n, now)));
            return out;
        }
        if (node instanceof ObjectNode o) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith("DaysAgo") && e.getValue().isNumber()) {
                    String base = e.getKey().substring(0, e.getKey().length() - "DaysAgo".length());
                    long millis = (long) (e.getValue().asDouble() * 86_400_000L);
                    out.put(base.isEmpty() ? "time" : base + "At", OffsetDateTime.ofInstant(now.minusMillis(millis), ZoneOffset.UTC).toString());
                } else {
                    out.set(e.getKey(), absolute(e.getValue(), now));
                }
            }
            return out;
        }
        return node;
    }
}
