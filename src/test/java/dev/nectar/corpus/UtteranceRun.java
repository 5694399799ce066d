package dev.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nectar.ServerProcess;
import dev.nectar.eval.DevEval;
import dev.nectar.platform.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Measures corpus shops against the packaged server (target/quarkus-app), speaking only the public contract:
 * <ol>
 * <li>starts the server embedded (fresh data folder, no demo shop, chat rate limits raised so that a script is not
 * throttled like a person);</li>
 * <li>loads each shop into a fresh merchant as run-eval.mjs does ({@link RemoteShop});</li>
 * <li>sends every labelled utterance of utterances.jsonl as the first message of a fresh conversation of its buyer
 * (one socket per utterance, closed with {@code end}, so the next one starts a new conversation; a buyer's utterances
 * run one after the other, different buyers concurrently), and judges the answer from the label
 * ({@link UtteranceJudge});</li>
 * <li>runs each shop's cases.jsonl with ../shared/eval/run-eval.mjs (the shop folder is a dataset as it is).</li>
 * </ol>
 * Prints a table per intent (n, passed, accuracy) and per shop, and writes everything, failures included, to
 * {@code target/corpus-report/<set>.json}.
 */
public final class UtteranceRun {
    public static final String ADMIN = "corpus-admin";
    private static final HttpClient WS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** The judged answer to one utterance. */
    public record Outcome(Corpus.Utterance utterance, boolean passed, String expected, String got, long millis) {
    }

    /** n, passed, accuracy. */
    public record Tally(int n, int passed) {
        public double accuracy() {
            return n == 0 ? 0 : passed / (double) n;
        }

        Tally plus(boolean ok) {
            return new Tally(n + 1, passed + (ok ? 1 : 0));
        }

        Tally plus(Tally t) {
            return new Tally(n + t.n, passed + t.passed);
        }
    }

    public record ShopResult(String shop, List<Outcome> outcomes, DevEval.Result conversations) {
    }

    public record Report(String set, List<ShopResult> shops, long millis) {
        public List<Outcome> outcomes() {
            return shops.stream().flatMap(s -> s.outcomes().stream()).toList();
        }

        public Tally overall() {
            return tally(outcomes());
        }

        /** Per intent, in the corpus README's order. */
        public Map<String, Tally> byIntent() {
            return byIntent(outcomes());
        }

        public Map<String, Tally> byTag() {
            Map<String, Tally> out = new TreeMap<>();
            for (Outcome o : outcomes()) {
                List<String> tags = o.utterance().tags().isEmpty() ? List.of("(untagged)") : o.utterance().tags();
                for (String t : tags) {
                    out.merge(t, new Tally(0, 0).plus(o.passed()), Tally::plus);
                }
            }
            return out;
        }

        public Tally conversations() {
            Tally t = new Tally(0, 0);
            for (ShopResult s : shops) {
                t = t.plus(new Tally(s.conversations().total(), s.conversations().passed()));
            }
            return t;
        }

        static Tally tally(List<Outcome> outcomes) {
            return new Tally(outcomes.size(), (int) outcomes.stream().filter(Outcome::passed).count());
        }

        static Map<String, Tally> byIntent(List<Outcome> outcomes) {
            Map<String, Tally> out = new LinkedHashMap<>();
            for (String i : INTENTS) {
                out.put(i, new Tally(0, 0));
            }
            for (Outcome o : outcomes) {
                out.merge(o.utterance().intent(), new Tally(1, o.passed() ? 1 : 0), Tally::plus);
            }
            out.values().removeIf(t -> t.n() == 0);
            return out;
        }
    }

    static final List<String> INTENTS = List.of("knowledge", "recommend", "order", "logistics", "after_sale", "cancel",
            "handoff", "smalltalk", "injection");

    private UtteranceRun() {
    }

    /** Starts the packaged server, measures these shops, prints the tables and writes target/corpus-report/{set}.json. */
    public static Report measure(String set, List<String> shops) throws Exception {
        int parallel = Integer.getInteger("corpus.parallel", 4);
        Path data = Files.createTempDirectory("nectar-corpus-");
        long t0 = System.nanoTime();
        List<ShopResult> results = new ArrayList<>();
        // NectarConfig.Limits: a buyer may send 20 frames at once and 2 a second; a script replaying a buyer's
        // utterances (and run-eval.mjs replaying a buyer's cases) is faster than that and would be answered RATE_LIMITED
        try (ServerProcess server = ServerProcess.start(Map.of("NECTAR_DATA_DIR", data.toString(),
                "NECTAR_ADMIN_TOKEN", ADMIN, "NECTAR_DEMO", "false",
                "NECTAR_LIMITS_CHAT_BURST", "100000", "NECTAR_LIMITS_CHAT_PER_SECOND", "100000"))) {
            // run-eval.mjs plays one case after the other (with pauses): the shops' runs go side by side
            ExecutorService evals = Executors.newFixedThreadPool(Math.max(1, Math.min(3, shops.size())));
            try {
                Map<String, Future<DevEval.Result>> conversations = new LinkedHashMap<>();
                for (String shop : shops) {
                    // the conversations run on their own merchant, alongside the utterances
                    conversations.put(shop, evals.submit(() -> DevEval.run(server, ADMIN, Corpus.shop(shop))));
                }
                for (String shop : shops) {
                    RemoteShop remote = RemoteShop.load(server.baseUrl(), ADMIN, Corpus.shop(shop));
                    long s0 = System.nanoTime();
                    List<Outcome> outcomes = utterances(remote, Corpus.utterances(shop), parallel);
                    System.out.printf("corpus %s: %d utterances in %.1f s%n", shop, outcomes.size(), (System.nanoTime() - s0) / 1e9);
                    results.add(new ShopResult(shop, outcomes, null));
                }
                for (int i = 0; i < results.size(); i++) {
                    ShopResult r = results.get(i);
                    results.set(i, new ShopResult(r.shop(), r.outcomes(), conversations.get(r.shop()).get(30, TimeUnit.MINUTES)));
                }
            } finally {
                evals.shutdownNow();
            }
        } finally {
            deleteQuietly(data);
        }
        Report report = new Report(set, results, (System.nanoTime() - t0) / 1_000_000);
        print(report);
        write(report);
        return report;
    }

    /** Sends each utterance as the first message of a fresh conversation and judges the answer. */
    public static List<Outcome> utterances(RemoteShop shop, List<Corpus.Utterance> utterances, int parallel) throws Exception {
        UtteranceJudge.Facts facts = new UtteranceJudge.Facts(shop.merchant(), shop.catalog(), shop.orders());
        Map<String, List<Corpus.Utterance>> byBuyer = new LinkedHashMap<>();
        for (Corpus.Utterance u : utterances) {
            byBuyer.computeIfAbsent(u.buyerId(), b -> new ArrayList<>()).add(u);
        }
        List<List<Corpus.Utterance>> groups = new ArrayList<>(byBuyer.values());
        groups.sort(Comparator.comparingInt(g -> -g.size()));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        Map<String, Outcome> done = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Corpus.Utterance> group : groups) {
                futures.add(pool.submit(() -> {
                    for (Corpus.Utterance u : group) {
                        done.put(u.id(), one(shop, facts, u));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return utterances.stream().map(u -> done.get(u.id())).toList();
    }

    private static Outcome one(RemoteShop shop, UtteranceJudge.Facts facts, Corpus.Utterance u) {
        long t0 = System.nanoTime();
        try {
            String token = shop.buyerToken(u.buyerId());
            Chat chat = Chat.open(shop.baseUrl(), token);
            try {
                if (chat.resumed) {
                    // the buyer's previous conversation is still open: close it and start afresh
                    chat.end();
                    chat = Chat.open(shop.baseUrl(), token);
                    if (chat.resumed) {
                        return new Outcome(u, false, u.intent() + " " + u.slots(), "could not start a fresh conversation", 0);
                    }
                }
                chat.send(Map.of("type", "message", "id", "u1", "text", u.text()));
                JsonNode answer = chat.next(f -> "u1".equals(f.path("replyTo").asText())
                        && List.of("reply", "handoff", "error").contains(f.path("type").asText()));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                JsonNode conversation = shop.get("/conversations/" + RemoteShop.query(chat.conversationId));
                UtteranceJudge.Verdict v = UtteranceJudge.judge(u, facts, new UtteranceJudge.Observation(answer, conversation));
                return new Outcome(u, v.passed(), v.expected(), v.got(), millis);
            } finally {
                chat.end();
            }
        } catch (Exception e) {
            return new Outcome(u, false, u.intent() + " " + u.slots(), "run error: " + e, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** One buyer chat socket (the JDK's WebSocket client on a shared HttpClient). */
    private static final class Chat {
        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final List<JsonNode> seen = new ArrayList<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private WebSocket socket;
        String conversationId;
        boolean resumed;

        static Chat open(String base, String token) throws Exception {
            Chat c = new Chat();
            URI uri = URI.create(base.replaceFirst("^http", "ws") + "/ws/chat?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            c.socket = WS.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() {
                private final StringBuilder buffer = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    buffer.append(data);
                    if (last) {
                        try {
                            c.frames.add(Json.MAPPER.readTree(buffer.toString()));
                        } catch (Exception e) {
                            c.frames.add(Json.MAPPER.createObjectNode().put("type", "unparseable"));
                        }
                        buffer.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                    c.closed.complete(null);
                    return null;
                }

                @Override
                public void onError(WebSocket ws, Throwable error) {
                    c.closed.complete(null);
                }
            }).get(15, TimeUnit.SECONDS);
            JsonNode session = c.next(f -> "session".equals(f.path("type").asText()));
            c.conversationId = session.path("conversationId").asText();
            c.resumed = session.path("resumed").asBoolean();
            return c;
        }

        void send(Object frame) {
            socket.sendText(Json.write(frame), true).join();
        }

        JsonNode next(Predicate<JsonNode> test) throws InterruptedException {
            for (JsonNode f : seen) {
                if (test.test(f)) {
                    seen.remove(f);
                    return f;
                }
            }
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                if (test.test(f)) {
                    return f;
                }
                seen.add(f);
            }
            throw new IllegalStateException("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s; frames " + seen);
        }

        /** Ends the conversation (the server closes it and the socket), so the buyer's next socket starts a new one. */
        void end() {
            try {
                if (!closed.isDone()) {
                    send(Map.of("type", "end"));
                    closed.get(5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    // ---------- report ----------

    static void print(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n==== corpus %s: %s ====%n", r.set(), r.shops().stream().map(ShopResult::shop).toList()));
        b.append(String.format("labelled utterances (first message of a fresh conversation)%n"));
        b.append(String.format("%-12s %6s %7s %9s%n", "intent", "n", "passed", "accuracy"));
        r.byIntent().forEach((k, t) -> b.append(row(k, t)));
        b.append(row("overall", r.overall()));
        b.append(String.format("per shop%n"));
        for (ShopResult s : r.shops()) {
            b.append(row(s.shop(), Report.tally(s.outcomes())));
            b.append(String.format("    %s%n", String.join(", ", Report.byIntent(s.outcomes()).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().passed() + "/" + e.getValue().n()).toList())));
        }
        b.append(String.format("per tag (an utterance counts under each of its tags)%n"));
        r.byTag().forEach((k, t) -> b.append(row(k, t)));
        List<Long> ms = r.outcomes().stream().map(Outcome::millis).sorted().toList();
        if (!ms.isEmpty()) {
            b.append(String.format("turn latency (socket open to answer) p50 %d ms, p90 %d ms%n", ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10)));
        }
        b.append(String.format("conversations (cases.jsonl through run-eval.mjs)%n"));
        for (ShopResult s : r.shops()) {
            DevEval.Result c = s.conversations();
            b.append(String.format("%-12s %6d %7d %8.1f%%   by category: %s%n", s.shop(), c.total(), c.passed(), 100 * c.accuracy(), c.byCategory()));
        }
        b.append(row("overall", r.conversations()));
        b.append(String.format("%d utterance failures and %d conversation failures listed in %s; measured in %.1f s%n",
                r.overall().n() - r.overall().passed(), r.conversations().n() - r.conversations().passed(), reportPath(r.set()), r.millis() / 1000.0));
        System.out.print(b);
    }

    private static String row(String name, Tally t) {
        return String.format("%-12s %6d %7d %8.1f%%%n", name, t.n(), t.passed(), 100 * t.accuracy());
    }

    static Path reportPath(String set) {
        return Path.of("target", "corpus-report", set + ".json");
    }

    static void write(Report r) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("set", r.set());
        ArrayNode names = root.putArray("shops");
        r.shops().forEach(s -> names.add(s.shop()));
        root.put("measuredAt", java.time.OffsetDateTime.now().toString());
        root.put("seconds", r.millis() / 1000.0);
        ObjectNode utt = root.putObject("utterances");
        utt.set("overall", tally(r.overall()));
        utt.set("byIntent", tallies(r.byIntent()));
        ObjectNode perShop = utt.putObject("byShop");
        for (ShopResult s : r.shops()) {
            ObjectNode n = perShop.putObject(s.shop());
            n.set("overall", tally(Report.tally(s.outcomes())));
            n.set("byIntent", tallies(Report.byIntent(s.outcomes())));
        }
        utt.set("byTag", tallies(r.byTag()));
        ObjectNode conv = root.putObject("conversations");
        conv.set("overall", tally(r.conversations()));
        ObjectNode convShops = conv.putObject("byShop");
        for (ShopResult s : r.shops()) {
            ObjectNode n = tally(new Tally(s.conversations().total(), s.conversations().passed()));
            n.put("byCategory", s.conversations().byCategory());
            ArrayNode fails = n.putArray("failures");
            s.conversations().failures().forEach(fails::add);
            convShops.set(s.shop(), n);
        }
        ArrayNode failures = root.putArray("failures");
        for (Outcome o : r.outcomes()) {
            if (o.passed()) {
                continue;
            }
            ObjectNode f = failures.addObject();
            f.put("shop", o.utterance().shop());
            f.put("id", o.utterance().id());
            f.put("intent", o.utterance().intent());
            f.put("text", o.utterance().text());
            f.put("expected", o.expected());
            f.put("got", o.got());
        }
        Path out = reportPath(r.set());
        Files.createDirectories(out.getParent());
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static ObjectNode tally(Tally t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("n", t.n());
        n.put("passed", t.passed());
        n.put("accuracy", Math.round(t.accuracy() * 10000) / 10000.0);
        return n;
    }

    private static ObjectNode tallies(Map<String, Tally> m) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        m.forEach((k, t) -> n.set(k, tally(t)));
        return n;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp folder left behind is harmless
        }
    }
}
