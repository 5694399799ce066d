package dev.nectar.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nectar.ServerProcess;
import dev.nectar.platform.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3 of issue 15: natural questions about the demo shop (src/test/resources/demo-questions/cases.jsonl,
 * written before the redesign and never used to calibrate) answered from the demo shop's own documents and data. The
 * dataset is built from knowledge-base/ as the server's demo loader reads it (shop.json's name, policy.json, catalog,
 * orders, agents, documents/ as knowledge), loaded into a fresh merchant of the packaged server by run-eval.mjs.
 *
 * <p>{@link #FLOOR} is a REGRESSION floor, not the goal: the level measured when this test was written, rounded down to
 * the nearest 5%. The target is 95%; the lead raises it as the engine improves.
 */
class DemoQuestionsIT {
    static final double FLOOR = 0.72; // measured 37/48 = 77.1% (34/48 before the unsure band and row look-up by number)
    private static final Path KB = Path.of("knowledge-base");
    private static final Path CASES = Path.of("src", "test", "resources", "demo-questions", "cases.jsonl");

    @Test
    void demoShopAnswersNaturalQuestionsFromItsOwnDocuments(@TempDir Path data, @TempDir Path dataset) throws Exception {
        build(dataset);
        // the questions are one buyer's, asked back to back: a script, not a person typing, so the per-buyer chat
        // budget (20 frames at once, 2 a second) is raised or later questions would be answered RATE_LIMITED
        try (ServerProcess server = ServerProcess.start(Map.of("NECTAR_DATA_DIR", data.toString(),
                "NECTAR_ADMIN_TOKEN", "eval-admin", "NECTAR_DEMO", "false",
                "NECTAR_LIMITS_CHAT_BURST", "100000", "NECTAR_LIMITS_CHAT_PER_SECOND", "100000"))) {
            DevEval.Result r = DevEval.run(server, "eval-admin", dataset);
            System.out.println(r.output());
            System.out.printf("demo questions: %d/%d (%.1f%%), by category: %s%n", r.passed(), r.total(), 100 * r.accuracy(), r.byCategory());
            assertThat(r.total()).as("demo questions run").isEqualTo(lines(CASES));
            assertThat(r.accuracy()).as("demo questions answered").isGreaterThanOrEqualTo(FLOOR);
        }
    }

    /** merchant.json from shop.json and policy.json; catalog, orders, agents, knowledge/ and cases.jsonl copied. */
    static void build(Path dataset) throws Exception {
        JsonNode shop = Json.MAPPER.readTree(Files.readString(KB.resolve("shop.json")));
        ObjectNode merchant = Json.MAPPER.createObjectNode();
        merchant.put("idPrefix", "demoq");
        merchant.put("name", shop.path("name").asText());
        merchant.put("locale", shop.path("locale").asText("zh-CN"));
        merchant.set("policy", Json.MAPPER.readTree(Files.readString(KB.resolve("policy.json"))));
        Files.writeString(dataset.resolve("merchant.json"), Json.write(merchant));
        for (String f : new String[] {"catalog.json", "orders.json", "agents.json"}) {
            Files.copy(KB.resolve(f), dataset.resolve(f));
        }
        Path knowledge = Files.createDirectories(dataset.resolve("knowledge"));
        try (Stream<Path> docs = Files.list(KB.resolve("documents"))) {
            for (Path d : docs.toList()) {
                Files.copy(d, knowledge.resolve(d.getFileName()));
            }
        }
        Files.copy(CASES, dataset.resolve("cases.jsonl"));
    }

    private static long lines(Path f) throws Exception {
        try (Stream<String> s = Files.lines(f)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }
}
