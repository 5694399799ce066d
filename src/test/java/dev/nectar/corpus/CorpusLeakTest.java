package dev.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 5 of issue 15: nothing the engine ships (src/main, prompts/, tools/) names a SKU, an order id or a shop
 * name of any corpus shop, training or held out, so no rule or lexicon can be keyed to the corpus. Also keeps the
 * split honest: train and heldOut are disjoint, non-empty and together exactly the shop folders.
 */
class CorpusLeakTest {
    private static final List<Path> SHIPPED = List.of(Path.of("src", "main"), Path.of("prompts"), Path.of("tools"));
    /** The trained decision model is binary (weights); its meta.json is still scanned. */
    private static final Path MODELS = Path.of("prompts", "understanding", "decision");

    @Test
    void splitIsDisjointNonEmptyAndCoversTheShops() throws IOException {
        List<String> train = Corpus.train();
        List<String> heldOut = Corpus.heldOut();
        assertThat(train).as("training shops").isNotEmpty().doesNotHaveDuplicates();
        assertThat(heldOut).as("held-out shops").isNotEmpty().doesNotHaveDuplicates();
        assertThat(train).as("training shops that are also held out").doesNotContainAnyElementsOf(heldOut);
        List<String> folders;
        try (Stream<Path> s = Files.list(Corpus.ROOT.resolve("shops"))) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> both = new ArrayList<>(train);
        both.addAll(heldOut);
        assertThat(both).as("train + heldOut of split.json against the shop folders").containsExactlyInAnyOrderElementsOf(folders);
    }

    @Test
    void noCorpusIdentifierAppearsInWhatTheEngineShips() throws IOException {
        Map<String, String> needles = identifiers();
        assertThat(needles).as("identifiers collected from the corpus").hasSizeGreaterThan(100);
        List<Path> files = shippedFiles();
        assertThat(files).as("files scanned").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (Path f : files) {
            String text = read(f).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> n : needles.entrySet()) {
                if (text.contains(n.getKey().toLowerCase(Locale.ROOT))) {
                    leaks.add(f + " contains " + n.getValue() + " \"" + n.getKey() + "\"");
                }
            }
        }
        assertThat(leaks).as("corpus SKUs, order ids and shop names found in src/main, prompts/ or tools/").isEmpty();
    }

    /** Every SKU (catalog and order items), order id and shop name of every corpus shop, with where it comes from. */
    static Map<String, String> identifiers() throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<String> shops = new ArrayList<>(Corpus.train());
        shops.addAll(Corpus.heldOut());
        for (String shop : shops) {
            Path dir = Corpus.shop(shop);
            JsonNode merchant = Json.MAPPER.readTree(Files.readString(dir.resolve("merchant.json")));
            put(out, merchant.path("name").asText(), shop + " shop name");
            for (JsonNode p : Json.MAPPER.readTree(Files.readString(dir.resolve("catalog.json")))) {
                put(out, p.path("sku").asText(), shop + " SKU");
            }
            for (JsonNode o : Json.MAPPER.readTree(Files.readString(dir.resolve("orders.json")))) {
                put(out, o.path("orderId").asText(), shop + " order id");
                for (JsonNode i : o.path("items")) {
                    put(out, i.path("sku").asText(), shop + " SKU");
                }
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, String value, String what) {
        assertThat(value).as("a blank " + what).isNotBlank();
        out.putIfAbsent(value, what);
    }

    private static List<Path> shippedFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path root : SHIPPED) {
            assertThat(root).as("folder to scan").isDirectory();
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !(p.startsWith(MODELS) && p.getFileName().toString().endsWith(".model")))
                        .filter(seen::add)
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** The file as text; bytes that are not UTF-8 become replacement characters rather than failing the scan. */
    private static String read(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }
}
