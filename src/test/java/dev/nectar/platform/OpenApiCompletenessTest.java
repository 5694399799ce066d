package dev.nectar.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document describes every API operation: its success body, its request body and its errors. */
@QuarkusTest
class OpenApiCompletenessTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** What is missing from the document, one line per operation and gap. */
    static List<String> problems(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                List<String> success = new ArrayList<>();
                responses.fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2")) {
                        success.add(code);
                    }
                });
                if (success.isEmpty()) {
                    out.add(name + ": no success response");
                }
                for (String code : success) {
                    if (!code.equals("204") && !hasSchema(responses.path(code))) {
                        out.add(name + ": response " + code + " has no schema");
                    }
                }
                JsonNode body = op.getValue().path("requestBody");
                if (!body.isMissingNode() && !hasSchema(body)) {
                    out.add(name + ": request body has no schema");
                }
                for (String code : List.of("400", "401", "429")) {
                    if (!responses.path(code).path("content").path("application/json").path("schema").path("$ref").asText().endsWith("/ErrorBody")) {
                        out.add(name + ": no " + code + " error body");
                    }
                }
            }
        }
        return out;
    }

    /** Some media type with a schema that says something (an empty {} is what an untyped Response gets). */
    private static boolean hasSchema(JsonNode withContent) {
        for (JsonNode media : withContent.path("content")) {
            JsonNode schema = media.path("schema");
            if (schema.isObject() && !schema.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode served() {
        return Json.read(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(), JsonNode.class);
    }

    @Test
    void everyApiOperationHasItsSchemasAndTheContractsErrorBody() {
        JsonNode doc = served();
        assertThat(doc.path("paths").size()).isGreaterThan(30);
        assertThat(problems(doc)).isEmpty();
        JsonNode error = doc.path("components").path("schemas").path("ErrorBody");
        assertThat(error.path("properties").path("error").path("properties").fieldNames()).toIterable().contains("code", "message", "field");
        // the statuses the resources set themselves are the ones documented
        assertThat(doc.path("paths").path("/api/admin/merchants").path("post").path("responses").has("201")).isTrue();
        assertThat(doc.path("paths").path("/api/merchants/{m}/knowledge/{docId}").path("delete").path("responses").has("204")).isTrue();
    }

    @Test
    void theCheckFindsAnOperationWithoutASchema() {
        JsonNode doc = served().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("paths").path("/api/merchants/{m}/knowledge/search").path("post")
                .path("responses").path("200").path("content").path("application/json")).putObject("schema");
        assertThat(problems(doc)).containsExactly("POST /api/merchants/{m}/knowledge/search: response 200 has no schema");
    }
}
