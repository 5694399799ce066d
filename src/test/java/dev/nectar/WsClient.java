package dev.nectar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client for tests (the JDK's), collecting JSON frames in arrival order. */
public final class WsClient implements AutoCloseable {
    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private final WebSocket socket;

    private WsClient(URI uri) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder buffer = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        buffer.append(data);
                        if (last) {
                            try {
                                frames.add(Json.MAPPER.readTree(buffer.toString()));
                            } catch (Exception e) {
                                frames.add(Json.MAPPER.createObjectNode().put("type", "unparseable"));
                            }
                            buffer.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        closeReason = reason;
                        closed.complete(status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(-1);
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    public static WsClient connect(URI base, String path, String token) throws Exception {
        String ws = base.toString().replaceFirst("^http", "ws").replaceAll("/$", "");
        return new WsClient(URI.create(ws + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    public void send(Object frame) {
        sendRaw(frame instanceof String s ? s : Json.write(frame));
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame matching the test, waiting up to 15 s; earlier non-matching frames stay available. */
    public JsonNode next(Predicate<JsonNode> test) throws InterruptedException {
        for (JsonNode f : seen) {
            if (test.test(f)) {
                seen.remove(f);
                return f;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode f = frames.poll(200, TimeUnit.MILLISECONDS);
            if (f == null) {
                continue;
            }
            if (test.test(f)) {
                return f;
            }
            seen.add(f);
        }
        throw new AssertionError("no matching frame within 15 s; seen " + seen);
    }

    public JsonNode next(String type) throws InterruptedException {
        return next(f -> type.equals(f.path("type").asText()));
    }

    /** The frame that answers a message (its reply, handoff or error), past any streamed deltas. */
    public JsonNode answer(String id) throws InterruptedException {
        return next(f -> id.equals(f.path("replyTo").asText()) && !"delta".equals(f.path("type").asText()));
    }

    /** Frames that arrive within the given time, without waiting longer. */
    public List<JsonNode> drain(long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<JsonNode> out = new ArrayList<>(seen);
        seen.clear();
        frames.drainTo(out);
        return out;
    }

    public boolean isClosed(long millis) {
        try {
            closed.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The close code the server sent, waiting up to the given time; -1 for an abrupt end, null if still open. */
    public Integer closeCode(long millis) {
        try {
            return closed.get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
