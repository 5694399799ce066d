package dev.nectar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The understanding corpus of src/test/resources/corpus: its shops, their split and their labelled utterances. */
public final class Corpus {
    public static final Path ROOT = Path.of("src", "test", "resources", "corpus");

    /** One labelled buyer message (corpus README, "utterances.jsonl"). */
    public record Utterance(String shop, String id, String buyerId, String text, String intent, JsonNode slots, List<String> tags) {
        public String slot(String name) {
            JsonNode v = slots.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }

        public boolean hasSlot(String name) {
            return slots.has(name);
        }
    }

    private Corpus() {
    }

    public static List<String> train() {
        return names("train");
    }

    public static List<String> heldOut() {
        return names("heldOut");
    }

    public static Path shop(String name) {
        return ROOT.resolve("shops").resolve(name);
    }

    public static List<Utterance> utterances(String shop) {
        List<Utterance> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(shop(shop).resolve("utterances.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.MAPPER.readTree(line);
                List<String> tags = new ArrayList<>();
                n.path("tags").forEach(t -> tags.add(t.asText()));
                out.add(new Utterance(shop, n.path("id").asText(), n.path("buyerId").asText(), n.path("text").asText(),
                        n.path("intent").asText(), n.path("slots"), tags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A digest of the training shops' utterances: a model trained on other data is stale. */
    public static String trainingHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : train()) {
                sha.update(s.getBytes());
                sha.update(Files.readAllBytes(shop(s).resolve("utterances.jsonl")));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(String field) {
        try {
            List<String> out = new ArrayList<>();
            Json.MAPPER.readTree(Files.readString(ROOT.resolve("split.json"))).path(field).forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
