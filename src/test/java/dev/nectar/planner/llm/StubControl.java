package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Drives an {@link OpenAiStub} over its control endpoints. */
public record StubControl(String baseUrl) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** From the LLM base URL ({@code http://host:port/v1}). */
    public static StubControl of(String llmBaseUrl) {
        return new StubControl(llmBaseUrl.replaceAll("/v1/?$", ""));
    }

    public static Map<String, Object> text(String... pieces) {
        return Map.of("text", List.of(pieces));
    }

    public static Map<String, Object> tool(String name, String arguments) {
        return Map.of("tools", List.of(Map.of("name", name, "arguments", arguments)));
    }

    public static Map<String, Object> status(int code) {
        return Map.of("status", code);
    }

    public static Map<String, Object> hang() {
        return Map.of("hang", true);
    }

    public void reset() {
        post("/_stub/reset", "{}");
    }

    @SafeVarargs
    public final void script(Map<String, Object>... steps) {
        post("/_stub/script", Json.write(List.of(steps)));
    }

    public void answerByDefault(Map<String, Object> step) {
        post("/_stub/default", Json.write(step));
    }

    /** The chat completion requests received since the last reset. */
    public JsonNode requests() {
        return get("/_stub/requests");
    }

    /** Each completion's own time in nanoseconds. */
    public JsonNode timings() {
        return get("/_stub/timings");
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("stub " + path + ": HTTP " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
