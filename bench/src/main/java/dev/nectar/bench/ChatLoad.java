package dev.nectar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buyers chatting: each simulated buyer holds one WebSocket, sends a message of the mix, waits for its answer (as a
 * person reads a reply before typing the next), and sends the next one no sooner than its pacing interval after the
 * previous one. After 5 to 12 messages it ends the conversation and reconnects, so conversations stay the length of
 * real ones. Latency is from sending a message to receiving the frame that answers it ({@code reply}, {@code handoff}
 * or {@code error} naming its id). Runs on one Vert.x event loop so the client leaves the cores to the server.
 */
final class ChatLoad {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    record Result(String label, int buyers, double offeredPerSecond, double seconds, long turns, Stats latency,
                  Map<String, Long> outcomes, long errors, double clientCpuSeconds, double serverCpuSeconds,
                  double loadStart, double loadEnd) {
        double turnsPerSecond() {
            return turns / seconds;
        }

        /** Error frames, timeouts and dropped sockets: what is neither a reply nor a handoff (or its queue updates). */
        long failures() {
            return errors - outcomes.getOrDefault("handoff", 0L) - outcomes.getOrDefault("unmatched_handoff", 0L);
        }
    }

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final WebSocketClient client;

    ChatLoad(Vertx vertx, String host, int port) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setConnectTimeout(10_000));
    }

    /** One run: {@code buyers} buyers each sending at most {@code perBuyer} messages a second. */
    Result run(String label, List<Shop.Buyer> buyers, Map<String, String> tokens, double perBuyer, Duration warmUp,
               Duration measure, long serverPid, Runnable atMeasureStart) throws InterruptedException {
        Run run = new Run(perBuyer);
        for (int i = 0; i < buyers.size(); i++) {
            Shop.Buyer b = buyers.get(i);
            Sim sim = new Sim(run, b, tokens.get(b.buyerId()), new Random(31L * i + 7));
            vertx.runOnContext(v -> sim.connect());
        }
        long timer = vertx.setPeriodic(500, id -> run.sims.forEach(Sim::checkTimeout));
        Thread.sleep(warmUp.toMillis());
        atMeasureStart.run();
        double cpu0 = clientCpu();
        double server0 = Machine.cpuSeconds(serverPid);
        double load0 = Machine.loadAverage();
        run.measureFrom = System.nanoTime();
        run.measuring = true;
        Thread.sleep(measure.toMillis());
        run.measuring = false;
        double seconds = (System.nanoTime() - run.measureFrom) / 1e9;
        double cpu = clientCpu() - cpu0;
        double server = Machine.cpuSeconds(serverPid) - server0;
        double load = Machine.loadAverage();
        run.stopping = true;
        vertx.cancelTimer(timer);
        CountDownLatch closed = new CountDownLatch(run.sims.size());
        run.sims.forEach(s -> vertx.runOnContext(v -> s.close(closed)));
        closed.await(20, TimeUnit.SECONDS);
        Map<String, Long> outcomes = new TreeMap<>();
        run.outcomes.forEach((k, v) -> outcomes.put(k, v.get()));
        long errors = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("reply")).mapToLong(Map.Entry::getValue).sum();
        run.unexpected.forEach((text, what) -> System.out.println("  not a reply: " + text + " -> " + what));
        return new Result(label, buyers.size(), buyers.size() * perBuyer, seconds, run.turns.get(), Stats.of(run.latencies),
                outcomes, errors, cpu, server, load0, load);
    }

    /** Sends each message of the mix once to one buyer and returns message and answer text, to check the mix. */
    List<String> check(Shop.Buyer buyer, String token) throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<Shop.Message> all = Shop.all(buyer);
        CountDownLatch done = new CountDownLatch(1);
        int[] next = {0};
        client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws/chat?token=" + token))
                .onFailure(e -> done.countDown())
                .onSuccess(ws -> ws.textMessageHandler(text -> {
                    JsonNode f = read(text);
                    String type = f.path("type").asText();
                    if (type.equals("delta")) {
                        return;
                    }
                    if (!type.equals("session")) {
                        out.add(all.get(next[0] - 1).kind() + " | " + all.get(next[0] - 1).text() + " -> " + type + ": "
                                + f.path("text").asText(f.path("code").asText()).replace('\n', ' ')
                                + " cards=" + f.path("cards").size());
                    }
                    if (next[0] == all.size()) {
                        ws.close();
                        done.countDown();
                        return;
                    }
                    // slower than the per-buyer rate limit (2 messages a second)
                    String m = message("k" + next[0], all.get(next[0]++).text());
                    vertx.setTimer(600, t -> ws.writeTextMessage(m));
                }));
        done.await(120, TimeUnit.SECONDS);
        return out;
    }

    private static double clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static JsonNode read(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (Exception e) {
            return Api.JSON.createObjectNode().put("type", "unparsable");
        }
    }

    private static String message(String id, String text) {
        return Api.JSON.createObjectNode().put("type", "message").put("id", id).put("text", text).toString();
    }

    private static final class Run {
        final long intervalNanos;
        final List<Sim> sims = Collections.synchronizedList(new ArrayList<>());
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        final AtomicLong turns = new AtomicLong();
        /** The texts that got something other than a reply, to show what went wrong. */
        final Map<String, String> unexpected = new ConcurrentHashMap<>();
        volatile boolean measuring;
        volatile boolean stopping;
        volatile long measureFrom;

        Run(double perBuyer) {
            this.intervalNanos = (long) (1e9 / perBuyer);
        }

        void count(String outcome) {
            if (measuring) {
                outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /** One simulated buyer; all its state is touched on the event loop only. */
    private final class Sim {
        private final Run run;
        private final Shop.Buyer buyer;
        private final String token;
        private final Random random;
        private WebSocket ws;
        private String pendingId;
        private String pendingText;
        private long sentAt;
        private long lastSend;
        private int left;
        private int seq;

        Sim(Run run, Shop.Buyer buyer, String token, Random random) {
            this.run = run;
            this.buyer = buyer;
            this.token = token;
            this.random = random;
            run.sims.add(this);
            // spread the first messages over one interval
            this.lastSend = System.nanoTime() - (long) (random.nextDouble() * run.intervalNanos);
        }

        void connect() {
            if (run.stopping) {
                return;
            }
            left = 5 + random.nextInt(8);
            client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws/chat?token=" + token))
                    .onFailure(e -> {
                        run.count("connect_failed");
                        vertx.setTimer(1000, t -> connect());
                    })
                    .onSuccess(socket -> {
                        ws = socket;
                        socket.textMessageHandler(this::onFrame);
                        socket.closeHandler(v -> onClosed(socket));
                    });
        }

        private void onFrame(String text) {
            JsonNode f = read(text);
            String type = f.path("type").asText();
            switch (type) {
                case "session" -> schedule();
                case "delta" -> {
                }
                case "reply", "handoff", "error" -> {
                    if (pendingId == null || !pendingId.equals(f.path("replyTo").asText())) {
                        run.count("unmatched_" + type);
                        return;
                    }
                    long now = System.nanoTime();
                    if (run.measuring && sentAt >= run.measureFrom) {
                        run.latencies.add((now - sentAt) / 1e6);
                        run.turns.incrementAndGet();
                    }
                    run.count(type.equals("error") ? "error_" + f.path("code").asText() : type);
                    if (!type.equals("reply") && run.unexpected.size() < 20) {
                        run.unexpected.put(pendingText, type + " " + f.path("code").asText(f.path("skill").asText()));
                    }
                    pendingId = null;
                    if (--left <= 0 && ws != null) {
                        ws.writeTextMessage("{\"type\":\"end\"}"); // the server closes; onClosed reconnects
                    } else {
                        schedule();
                    }
                }
                default -> run.count("other_" + type);
            }
        }

        private void schedule() {
            long delay = lastSend + run.intervalNanos - System.nanoTime();
            if (delay <= TimeUnit.MILLISECONDS.toNanos(1)) {
                send();
            } else {
                vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(delay), t -> send());
            }
        }

        private void send() {
            if (run.stopping || ws == null || ws.isClosed()) {
                return;
            }
            pendingId = "m" + (++seq);
            sentAt = System.nanoTime();
            lastSend = sentAt;
            pendingText = Shop.next(random, buyer).text();
            ws.writeTextMessage(message(pendingId, pendingText));
        }

        void checkTimeout() {
            vertx.runOnContext(v -> {
                if (pendingId != null && System.nanoTime() - sentAt > TIMEOUT_NANOS) {
                    run.count("timeout");
                    pendingId = null;
                    schedule();
                }
            });
        }

        private void onClosed(WebSocket socket) {
            if (socket != ws) {
                return;
            }
            ws = null;
            if (pendingId != null) {
                run.count("closed_while_waiting");
                pendingId = null;
            }
            connect();
        }

        void close(CountDownLatch closed) {
            WebSocket s = ws;
            ws = null;
            if (s == null || s.isClosed()) {
                closed.countDown();
            } else {
                s.close().onComplete(r -> closed.countDown());
            }
        }
    }
}
