package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted OpenAI-compatible endpoint for tests and the benchmark: {@code POST /v1/chat/completions} answers with
 * the next scripted step, as SSE {@code data:} chunks when the request asks to stream. Steps are JSON objects:
 * <ul>
 *   <li>{@code {"text":["piece", ...]}}: an answer streamed in these pieces;</li>
 *   <li>{@code {"tools":[{"name":"order_lookup","arguments":"{...}"}, ...]}}: tool calls (arguments verbatim, so they
 *       may be malformed);</li>
 *   <li>{@code {"status":500}}: an HTTP error;</li>
 *   <li>{@code {"hang":true}}: no answer at all until the stub stops.</li>
 * </ul>
 * With the script empty, the {@code fallbackStep} answers (a short text unless set). The stub is driven over HTTP
 * ({@code /_stub/...}) so that a test reaches it whatever class loader it runs in: {@code POST /_stub/script} (an
 * array of steps, appended), {@code POST /_stub/default} (one step), {@code POST /_stub/reset},
 * {@code GET /_stub/requests} (the request bodies received since the reset) and {@code GET /_stub/timings} (each
 * completion's own time in nanoseconds, from request received to last byte written).
 */
public final class OpenAiStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openai-stub");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<JsonNode> script = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<Long> timings = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile JsonNode fallbackStep = Json.MAPPER.createObjectNode().set("text", Json.MAPPER.createArrayNode().add("好的。"));
    private int sequence;

    public OpenAiStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::completion);
        server.createContext("/_stub/", this::control);
        server.start();
    }

    /** The step that answers when the script is empty (such as {@code {"hang":true}} for an endpoint that hangs). */
    public OpenAiStub answerByDefault(String stepJson) {
        try {
            fallbackStep = Json.MAPPER.readTree(stepJson);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void control(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        switch (path) {
            case "/_stub/script" -> Json.MAPPER.readTree(body).forEach(script::add);
            case "/_stub/default" -> fallbackStep = Json.MAPPER.readTree(body);
            case "/_stub/reset" -> {
                script.clear();
                synchronized (this) {
                    requests.clear();
                    timings.clear();
                }
            }
            case "/_stub/requests" -> {
                synchronized (this) {
                    send(ex, 200, "application/json", Json.write(requests));
                }
                return;
            }
            case "/_stub/timings" -> {
                synchronized (this) {
                    send(ex, 200, "application/json", Json.write(timings));
                }
                return;
            }
            default -> {
                send(ex, 404, "text/plain", "unknown");
                return;
            }
        }
        send(ex, 204, null, null);
    }

    private void completion(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        JsonNode request = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        int id;
        synchronized (this) {
            requests.add(request);
            id = ++sequence;
        }
        JsonNode step = script.poll();
        if (step == null) {
            step = fallbackStep;
        }
        try {
            if (step.path("hang").asBoolean()) {
                stopped.await(120, TimeUnit.SECONDS);
                ex.close();
                return;
            }
            if (step.has("status")) {
                int status = step.path("status").asInt();
                send(ex, status, "application/json", "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":" + status + "}}");
                return;
            }
            String model = request.path("model").asText("stub");
            if (request.path("stream").asBoolean()) {
                stream(ex, step, model, id);
            } else {
                send(ex, 200, "application/json", Json.write(whole(step, model, id)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                timings.add(System.nanoTime() - start);
            }
        }
    }

    private static void stream(HttpExchange ex, JsonNode step, String model, int id) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            if (step.has("tools")) {
                ArrayNode calls = Json.MAPPER.createArrayNode();
                int i = 0;
                for (JsonNode t : step.path("tools")) {
                    ObjectNode call = calls.addObject().put("index", i).put("id", "call_" + id + "_" + i++).put("type", "function");
                    call.putObject("function").put("name", t.path("name").asText()).put("arguments", t.path("arguments").asText("{}"));
                }
                ObjectNode delta = Json.MAPPER.createObjectNode().put("role", "assistant");
                delta.set("tool_calls", calls);
                event(out, chunk(id, model, delta, null));
                event(out, chunk(id, model, Json.MAPPER.createObjectNode(), "tool_calls"));
            } else {
                boolean first = true;
                for (JsonNode piece : step.path("text")) {
                    ObjectNode delta = Json.MAPPER.createObjectNode();
                    if (first) {
                        delta.put("role", "assistant");
                        first = false;
                    }
                    delta.put("content", piece.asText());
                    event(out, chunk(id, model, delta, null));
                }
                event(out, chunk(id, model, Json.MAPPER.createObjectNode(), "stop"));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static ObjectNode chunk(int id, String model, ObjectNode delta, String finish) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("id", "chatcmpl-" + id).put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return c;
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode whole(JsonNode step, String model, int id) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("id", "chatcmpl-" + id).put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (step.has("tools")) {
            ArrayNode calls = message.putArray("tool_calls");
            int i = 0;
            for (JsonNode t : step.path("tools")) {
                ObjectNode call = calls.addObject().put("id", "call_" + id + "_" + i++).put("type", "function");
                call.putObject("function").put("name", t.path("name").asText()).put("arguments", t.path("arguments").asText("{}"));
            }
            choice.put("finish_reason", "tool_calls");
        } else {
            StringBuilder text = new StringBuilder();
            step.path("text").forEach(p -> text.append(p.asText()));
            message.put("content", text.toString());
            choice.put("finish_reason", "stop");
        }
        c.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return c;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
