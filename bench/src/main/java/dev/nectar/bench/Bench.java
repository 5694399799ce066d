package dev.nectar.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the whole benchmark against the packaged server (scripts/bench.sh builds it and calls this): starts Nectar
 * nodes as child processes, seeds a fictional shop through the contract API, runs each part beside its floor
 * measured in the same run, and prints the results table (also written to target/bench/results.md).
 *
 * <p>Options (system properties): {@code bench.parts} (comma list of chat, connections, knowledge, images, quality, soak;
 * default all), {@code bench.seconds} (paced chat measurement seconds, default 40), {@code bench.connections} (idle
 * connections, default as many as the open-file limit allows up to 20,000), {@code bench.soakMinutes} (default 20).
 */
public final class Bench {
    static final int NODE_PORT = 8190;
    static final int PG_NODE_PORT = 8191;
    static final int ECHO_PORT = 8192;
    static final int NOCACHE_PORT = 8193;
    static final String MERCHANT = "shanlan-bench";

    private final Path root = Path.of("").toAbsolutePath();
    private final Path out = root.resolve("target/bench");
    private final String admin = "bench-" + UUID.randomUUID();
    private final Set<String> parts;
    private final Report report = new Report();

    private Bench(Set<String> parts) {
        this.parts = parts;
    }

    public static void main(String[] args) throws Exception {
        String spec = System.getProperty("bench.parts", "chat,connections,knowledge,images,quality,soak");
        Bench bench = new Bench(Set.of(spec.split(",")));
        int status = 0;
        try {
            bench.run();
        } catch (Throwable e) {
            e.printStackTrace(); // printed here: the exit below would otherwise swallow it with status 0
            status = 1;
        }
        System.exit(status); // Vert.x and the ONNX runtime keep non-daemon threads
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(out);
        report.machine(Machine.describe(), Machine.loadAverage());
        Floors floors = new Floors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        Path data = fresh(out.resolve("data-embedded"));
        Map<String, String> corpusKeys = new LinkedHashMap<>();
        try (JavaProcess node = startNode("node", NODE_PORT, data, Map.of())) {
            Api api = new Api("http://127.0.0.1:" + NODE_PORT);
            String key = api.createMerchant(admin, MERCHANT, Shop.NAME);
            if (parts.contains("chat")) {
                chat(vertx, api, key, node, floors);
            }
            if (parts.contains("knowledge")) {
                ingestion(api, floors);
                for (int size : CORPUS_SIZES) {
                    corpusKeys.put("kb-" + size, api.createMerchant(admin, "kb-" + size, "检索基准 " + size));
                }
            }
            if (parts.contains("images")) {
                images(api, key);
            }
            if (parts.contains("connections")) {
                connections(vertx, api, key, node);
            }
        }
        if (parts.contains("knowledge")) {
            retrieval(data, corpusKeys, floors);
        }
        if (parts.contains("quality")) {
            quality(data);
        }
        if (parts.contains("soak")) {
            soak(vertx);
        }
        vertx.close();
        report.total((System.nanoTime() - started) / 1e9);
        String table = report.markdown();
        Files.writeString(out.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static final int[] CORPUS_SIZES = {10_000, 100_000};
    private static final int INSPECTED = 10_000;
    private static final java.util.regex.Pattern INSPECTIONS =
            java.util.regex.Pattern.compile("(?m)^nectar_quality_inspections_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

    /**
     * 10,000 stored closed conversations inspected by a node's sweep (every rule, one claim and one record each),
     * from the node being ready to the last record, against reading the same conversations back alone.
     */
    private void quality(Path data) throws Exception {
        String h2 = "jdbc:h2:file:" + data.resolve("nectar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE";
        Inspections.write(h2, MERCHANT, INSPECTED);
        double floor = Inspections.readRate(h2, INSPECTED);
        double load0 = Machine.loadAverage();
        long t0;
        double inspected = 0;
        try (JavaProcess node = startNode("node-quality", NODE_PORT, data,
                Map.of("NECTAR_QUALITY_SWEEP_EVERY", "PT0.5S", "NECTAR_QUALITY_SWEEP_BATCH", "2000"))) {
            Api api = new Api("http://127.0.0.1:" + NODE_PORT);
            t0 = System.nanoTime();
            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            while (inspected < INSPECTED && System.nanoTime() < deadline) {
                Thread.sleep(500);
                java.util.regex.Matcher m = INSPECTIONS.matcher(api.metrics());
                inspected = m.find() ? Double.parseDouble(m.group(1)) : 0;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.row("quality inspection of stored closed conversations (sweep, 8 rules, claim + record)",
                Report.f("%.0f conversations/s (%.0f in %.1f s)", inspected / seconds, inspected, seconds),
                Report.f("reading them back alone: %.0f conversations/s", floor), "-", inspected >= INSPECTED ? "all inspected" : "INCOMPLETE",
                Report.loads(load0, Machine.loadAverage()));
    }

    /**
     * A node at 200 turns/s for {@code bench.soakMinutes} (default 20): its old generation, threads and open files
     * sampled every 15 s, each as a slope per minute after the warm-up fifth; flat is under 1 MB/min of heap and under
     * one thread or file per ten minutes.
     */
    private void soak(Vertx vertx) throws Exception {
        int minutes = Integer.getInteger("bench.soakMinutes", 20);
        List<Shop.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            buyers.add(Shop.Buyer.number(i));
        }
        try (JavaProcess node = startNode("node-soak", NOCACHE_PORT, fresh(out.resolve("data-soak")), Map.of())) {
            Api api = new Api("http://127.0.0.1:" + NOCACHE_PORT);
            Map<String, String> tokens = seedShop(api, api.createMerchant(admin, MERCHANT, Shop.NAME), buyers);
            ChatLoad load = new ChatLoad(vertx, "127.0.0.1", NOCACHE_PORT);
            load.check(buyers.get(0), tokens.get(buyers.get(0).buyerId())); // every message of the mix once: a warm node
            Soak soak = new Soak(api, 15_000);
            ChatLoad.Result run = load.run("soak", buyers, tokens, 200.0 / buyers.size(),
                    Duration.ofSeconds(20), Duration.ofMinutes(minutes), node.pid(), () -> { });
            List<Soak.Sample> samples = soak.stop();
            double heap = Soak.slope(samples, Soak.Sample::oldGenMb);
            double threads = Soak.slope(samples, Soak.Sample::threads);
            double files = Soak.slope(samples, Soak.Sample::openFiles);
            Soak.Sample first = samples.get(0);
            Soak.Sample last = samples.get(samples.size() - 1);
            boolean flat = heap < 1 && threads < 0.1 && files < 0.1 && run.failures() == 0;
            report.row(Report.f("soak, %d min at %.0f turns/s offered (%d buyers)", minutes, run.offeredPerSecond(), buyers.size()),
                    Report.f("%.1f turns/s, %d errors in %s; per minute: old generation %+.2f MB (%.0f → %.0f), threads %+.2f (%.0f → %.0f), "
                                    + "open files %+.2f (%.0f → %.0f); %d samples", run.turnsPerSecond(), run.failures(), run.outcomes(), heap,
                            first.oldGenMb(), last.oldGenMb(), threads, first.threads(), last.threads(), files,
                            first.openFiles(), last.openFiles(), samples.size()),
                    "-", "flat: heap < 1 MB/min, threads and files < 0.1/min, 0 errors", flat ? "yes" : "**no**",
                    Report.loads(run.loadStart(), run.loadEnd()));
        }
    }

    /** Documents through the API until 2,000 chunks are READY, against embedding the same amount of text in batches. */
    private void ingestion(Api api, Floors floors) throws Exception {
        String m = "bench-ingest";
        String key = api.createMerchant(admin, m, "入库基准");
        java.util.Random r = new java.util.Random(5);
        double load0 = Machine.loadAverage();
        long t0 = System.nanoTime();
        int chunks = 0;
        int docs = 0;
        while (chunks < 2_000) {
            com.fasterxml.jackson.databind.JsonNode d = api.upload(key, "/api/merchants/" + m + "/knowledge", "手册" + docs + ".md",
                    "text/markdown", Corpus.manual(r).getBytes(java.nio.charset.StandardCharsets.UTF_8), 201);
            while (!d.path("status").asText().equals("READY")) {
                if (d.path("status").asText().equals("FAILED")) {
                    throw new IllegalStateException("ingestion failed: " + d);
                }
                Thread.sleep(50);
                d = api.get(key, "/api/merchants/" + m + "/knowledge/" + d.path("docId").asText());
            }
            chunks += d.path("chunks").asInt();
            docs++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double load1 = Machine.loadAverage();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            String name = Corpus.product(r);
            texts.add("产品手册 > " + name + "\n" + Corpus.sentence(r, name) + Corpus.sentence(r, name));
        }
        double floor = floors.batchRate(texts);
        report.row("ingestion through the API (markdown manuals, chunk, embed, index)",
                Report.f("%.1f chunks/s (%d chunks, %d documents in %.1f s)", chunks / seconds, chunks, docs, seconds),
                Report.f("embedding alone, batches of 32: %.1f chunks/s", floor), "-", "-", Report.loads(load0, load1));
    }

    /** Searches over 10,000 and 100,000 chunks, embedded (H2, exact scan) and on PostgreSQL + pgvector (HNSW). */
    private void retrieval(Path data, Map<String, String> keys, Floors floors) throws Exception {
        Retrieval corpus = new Retrieval(floors.model(), 600);
        String h2 = "jdbc:h2:file:" + data.resolve("nectar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE";
        long t0 = System.nanoTime();
        for (int size : CORPUS_SIZES) {
            corpus.load(h2, "nectar", "", "kb-" + size, size, false);
        }
        System.out.printf("retrieval: embedded corpora written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<String> queries = Corpus.queries(new java.util.Random(17), 330);
        Stats floor = floors.embedding(queries.stream().map(q -> Retrieval.INSTRUCTION + q).toList(), 1);
        try (JavaProcess node = startNode("node-retrieval", NODE_PORT, data, Map.of())) {
            Api api = new Api("http://127.0.0.1:" + NODE_PORT);
            for (int size : CORPUS_SIZES) {
                searchRow("embedded H2, exact scan", api, keys.get("kb-" + size), "kb-" + size, size, queries, floor);
            }
        }
        String url = System.getenv("NECTAR_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            report.note("pgvector retrieval skipped: NECTAR_TEST_DB_URL is not set (scripts/bench.sh sets it from scripts/services.sh).");
            return;
        }
        String user = System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
        String password = System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
        String schema = "nectar_bench";
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        Map<String, String> env = Map.of("NECTAR_DB_URL", schemaUrl, "NECTAR_DB_USER", user, "NECTAR_DB_PASSWORD", password);
        try (JavaProcess node = startNode("node-pg", PG_NODE_PORT, fresh(out.resolve("data-pg")), env)) {
            Api api = new Api("http://127.0.0.1:" + PG_NODE_PORT);
            Map<String, String> pgKeys = new LinkedHashMap<>();
            for (int size : CORPUS_SIZES) {
                pgKeys.put("kb-" + size, api.createMerchant(admin, "kb-" + size, "检索基准 " + size));
            }
            long t1 = System.nanoTime();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(schemaUrl, user, password); java.sql.Statement s = c.createStatement()) {
                // a bulk load builds the HNSW index once instead of inserting 110,000 vectors into it one by one
                s.execute("DROP INDEX knowledge_chunks_embedding");
                for (int size : CORPUS_SIZES) {
                    corpus.load(schemaUrl, user, password, "kb-" + size, size, true);
                }
                s.execute("SET maintenance_work_mem = '1GB'");
                s.execute("CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops)");
                s.execute("ANALYZE knowledge_chunks");
            }
            System.out.printf("retrieval: pgvector corpora written and indexed in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            for (int size : CORPUS_SIZES) {
                searchRow("PostgreSQL + pgvector HNSW", api, pgKeys.get("kb-" + size), "kb-" + size, size, queries, floor);
            }
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void searchRow(String where, Api api, String key, String merchant, int size, List<String> queries, Stats floor) throws Exception {
        double load0 = Machine.loadAverage();
        double[] ms = Retrieval.search(api, key, merchant, queries, 30);
        Stats s = new Stats(java.util.Arrays.copyOfRange(ms, 1, ms.length));
        report.row(Report.f("knowledge search at %,d chunks, %s (%d queries over HTTP)", size, where, s.count()),
                Report.f("p50 %.1f / p99 %.1f ms (first search, loading the index: %.0f ms)", s.p(50), s.p(99), ms[0]),
                Report.f("query embedding p50 %.1f / p99 %.1f ms", floor.p(50), floor.p(99)),
                size == 10_000 ? "p99 <= 20 ms (knowledge issue)" : "-",
                size == 10_000 ? Report.met(s.p(99) <= 20) : "-", Report.loads(load0, Machine.loadAverage()));
        System.out.println("retrieval " + where + " " + size + ": p50 " + s.p(50) + " p99 " + s.p(99) + " first " + ms[0]);
    }

    /** Photo uploads (12 MP camera-sized JPEG) verified on upload, against decoding the same JPEG in this process. */
    private void images(Api api, String key) throws Exception {
        String token = api.buyerToken(key, MERCHANT, "photo-buyer");
        byte[] jpeg = Photos.jpeg(4000, 3000);
        double load0 = Machine.loadAverage();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long t0 = System.nanoTime();
            api.upload(token, "/api/chat/images", "photo.jpg", "image/jpeg", jpeg, 201);
            if (i >= 3) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Stats upload = Stats.of(ms);
        Stats decode = Photos.decodeFloor(jpeg, 20);
        report.row(Report.f("photo upload + verification, 12 MP JPEG of %.1f MB (%d uploads)", jpeg.length / 1e6, upload.count()),
                Report.f("p50 %.0f / p95 %.0f ms", upload.p(50), upload.p(95)),
                Report.f("subsampled decode alone: p50 %.0f / p95 %.0f ms", decode.p(50), decode.p(95)),
                "p95 <= 150 ms CPU (images issue)", "see docs/images.md", Report.loads(load0, Machine.loadAverage()));
    }

    private void chat(Vertx vertx, Api api, String key, JavaProcess node, Floors floors) throws Exception {
        int buyers = Integer.getInteger("bench.buyers", 480);
        List<Shop.Buyer> all = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            all.add(Shop.Buyer.number(i));
        }
        Map<String, String> tokens = seedShop(api, key, all);
        ChatLoad load = new ChatLoad(vertx, "127.0.0.1", NODE_PORT);
        List<String> check = load.check(all.get(0), tokens.get(all.get(0).buyerId()));
        Files.write(out.resolve("chat-mix.txt"), check);
        if (Boolean.getBoolean("bench.check")) {
            check.forEach(System.out::println);
        }
        // floor: one embedding of the same texts, in this process, in the same run
        List<String> texts = Shop.all(all.get(0)).stream().map(Shop.Message::text).collect(Collectors.toList());
        Stats embed = floors.embedding(texts, 5);
        report.embeddingFloor(embed);
        int seconds = Integer.getInteger("bench.seconds", 40);
        double target = Double.parseDouble(System.getProperty("bench.rate", "300"));
        ServerCounters[] atStart = new ServerCounters[1];
        // 20 s warm-up: buyers' first order questions are new texts; the measurement is of the steady state
        ChatLoad.Result paced = load.run("paced", all, tokens, target / all.size(), Duration.ofSeconds(20),
                Duration.ofSeconds(seconds), node.pid(), () -> atStart[0] = ServerCounters.read(api));
        ServerCounters during = ServerCounters.read(api).minus(atStart[0]);
        report.chat(paced, embed);
        report.understanding(paced, during, embed);
        System.out.println("chat paced: " + Report.describe(paced));
        ChatLoad.Result capacity = load.run("capacity", all, tokens, 1.9, Duration.ofSeconds(5),
                Duration.ofSeconds(20), node.pid(), () -> { });
        report.chat(capacity, embed);
        System.out.println("chat capacity: " + Report.describe(capacity));
        report.note(Report.f("Embedding cache during the paced measurement: %.0f hits, %.0f misses (%.0f %% of single-text "
                + "embeddings served from memory; the mix varies openers, budgets and order ids, but has only a few "
                + "thousand distinct texts). The rows \"chat without the embedding cache\" show a node where "
                + "every message and query is embedded.", during.cacheHits(), during.cacheMisses(),
                100 * during.cacheHits() / Math.max(1, during.cacheHits() + during.cacheMisses())));
        withoutCache(vertx, all, embed);
    }

    /**
     * The same shop on a second node whose embedding cache is off, so every message and query goes through the model:
     * 160 buyers at up to 1.9 msg/s offer 304 turns/s, after a 20 s warm-up (the JIT compiles on a new node).
     */
    private void withoutCache(Vertx vertx, List<Shop.Buyer> buyers, Stats embed) throws Exception {
        List<Shop.Buyer> some = buyers.subList(0, Math.min(160, buyers.size()));
        try (JavaProcess node = startNode("node-nocache", NOCACHE_PORT, fresh(out.resolve("data-nocache")),
                Map.of("NECTAR_KNOWLEDGE_EMBEDDING_CACHE_SIZE", "0"))) {
            Api api = new Api("http://127.0.0.1:" + NOCACHE_PORT);
            Map<String, String> tokens = seedShop(api, api.createMerchant(admin, MERCHANT, Shop.NAME), some);
            ServerCounters[] atStart = new ServerCounters[1];
            ChatLoad.Result cold = new ChatLoad(vertx, "127.0.0.1", NOCACHE_PORT).run("without the embedding cache", some,
                    tokens, 1.9, Duration.ofSeconds(20), Duration.ofSeconds(20), node.pid(), () -> atStart[0] = ServerCounters.read(api));
            ServerCounters during = ServerCounters.read(api).minus(atStart[0]);
            report.chat(cold, embed);
            report.understanding(cold, during, embed);
            report.note(Report.f("Without the embedding cache, %.0f single texts were embedded in %d turns: %.2f per turn.",
                    during.cacheMisses(), cold.turns(), during.cacheMisses() / Math.max(1, cold.turns())));
            System.out.println("chat without cache: " + Report.describe(cold));
        }
    }

    /** Catalog, the buyers' orders and the knowledge documents through the API; returns each buyer's token. */
    private static Map<String, String> seedShop(Api api, String key, List<Shop.Buyer> buyers) throws Exception {
        api.put(key, "/api/merchants/" + MERCHANT + "/catalog", Shop.catalog());
        api.put(key, "/api/merchants/" + MERCHANT + "/orders", Shop.orders(buyers));
        for (Map.Entry<String, byte[]> d : Shop.documents().entrySet()) {
            api.upload(key, "/api/merchants/" + MERCHANT + "/knowledge", d.getKey(), "text/markdown", d.getValue(), 201);
        }
        Map<String, String> tokens = new HashMap<>();
        for (Shop.Buyer b : buyers) {
            tokens.put(b.buyerId(), api.buyerToken(key, MERCHANT, b.buyerId()));
        }
        return tokens;
    }

    /**
     * Idle buyer connections held by one node, and its heap after a full collection, against a bare Vert.x WebSocket
     * echo server holding as many. Each connection is a file descriptor on both sides, so the count is capped by the
     * open-file limits of this process and of the server (raise {@code ulimit -n} to reach 20,000).
     */
    private void connections(Vertx vertx, Api api, String key, JavaProcess node) throws Exception {
        long self = ProcessHandle.current().pid();
        int target = Integer.getInteger("bench.connections", 20_000);
        int room = Math.min(Machine.openFileLimit(node.pid()) - Machine.openFiles(node.pid()),
                Machine.openFileLimit(self) - Machine.openFiles(self)) - 300;
        int n = Math.min(target, room);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("idle-buyer-" + i);
        }
        List<String> tokens = api.buyerTokens(key, MERCHANT, ids, 16);
        long nodeBase = Machine.heapUsedAfterGc(node.pid());
        double load0 = Machine.loadAverage();
        IdleConnections nodeConnections = new IdleConnections(vertx);
        double openSeconds = nodeConnections.open("127.0.0.1", NODE_PORT, n, i -> "/ws/chat?token=" + tokens.get(i), true);
        Thread.sleep(10_000); // idle: nothing may close them
        int nodeOpen = nodeConnections.stillOpen();
        long nodeHeap = Machine.heapUsedAfterGc(node.pid());
        double load1 = Machine.loadAverage();
        System.out.printf("connections: %d of %d open on the node after %.1f s (+10 s idle), %d failed; heap %d MB (before %d MB)%n",
                nodeOpen, n, openSeconds, nodeConnections.failed(), nodeHeap >> 20, nodeBase >> 20);
        nodeConnections.close();

        List<String> jvm = List.of("-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                EchoServer.class.getName(), "127.0.0.2", String.valueOf(ECHO_PORT));
        long echoBase;
        long echoHeap;
        int echoOpen;
        try (JavaProcess echo = JavaProcess.start("echo", root, jvm, Map.of(), out.resolve("echo.log"))) {
            echo.awaitReady("http://127.0.0.2:" + ECHO_PORT + "/", Duration.ofSeconds(30));
            echoBase = Machine.heapUsedAfterGc(echo.pid());
            IdleConnections echoConnections = new IdleConnections(vertx);
            echoConnections.open("127.0.0.2", ECHO_PORT, n, i -> "/echo", false);
            Thread.sleep(5_000);
            echoOpen = echoConnections.stillOpen();
            echoHeap = Machine.heapUsedAfterGc(echo.pid());
            echoConnections.close();
        }
        double perNode = (nodeHeap - nodeBase) / (double) Math.max(1, nodeOpen);
        double perEcho = (echoHeap - echoBase) / (double) Math.max(1, echoOpen);
        double at20k = nodeHeap + Math.max(0, 20_000 - nodeOpen) * perNode;
        report.row(Report.f("idle buyer connections on one node (opened in %.0f s)", openSeconds),
                Report.f("%,d held; heap %.0f MB after GC (%.0f MB before them: %.1f KB each)", nodeOpen, nodeHeap / 1048576.0,
                        nodeBase / 1048576.0, perNode / 1024),
                Report.f("bare Vert.x echo: %,d held, heap %.0f MB (%.1f KB each)", echoOpen, echoHeap / 1048576.0, perEcho / 1024),
                "20,000 with heap <= 1 GB",
                Report.met(at20k <= 1024.0 * 1048576) + (nodeOpen < 20_000 ? Report.f(" (%,d: %.0f MB at 20,000 by the per-connection cost)",
                        nodeOpen, at20k / 1048576.0) : ""),
                Report.loads(load0, load1));
        if (n < target) {
            report.note(Report.f("Idle connections stopped at %,d: this sandbox caps open files at %d per process (ulimit -Hn) "
                    + "and each connection is one file on the server and one in the client.", n, Machine.openFileLimit(node.pid())));
        }
    }

    private JavaProcess startNode(String name, int port, Path data, Map<String, String> extra) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("NECTAR_DATA_DIR", data.toString());
        env.put("NECTAR_ADMIN_TOKEN", admin);
        env.put("NECTAR_DEMO", "false");
        env.put("NECTAR_LLM_BASE_URL", "");
        env.putAll(extra);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseG1GC"));
        String extraJvm = System.getProperty("bench.nodeJvm", "");
        if (!extraJvm.isBlank()) {
            jvm.addAll(List.of(extraJvm.split(" ")));
        }
        jvm.addAll(List.of("-jar", root.resolve("target/quarkus-app/quarkus-run.jar").toString()));
        JavaProcess p = JavaProcess.start(name, root, jvm, env, out.resolve(name + ".log"));
        p.awaitReady("http://127.0.0.1:" + port + "/q/health/ready", Duration.ofSeconds(120));
        return p;
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
