package dev.nectar.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English e-commerce words with their Chinese equivalents ({@code prompts/understanding/english.json}), so that a
 * question in English finds the merchant's Chinese documents: the search adds the Chinese words to the English ones.
 * Phrases match as whole words, longest first (cash on delivery before delivery), in the singular or plural. Immutable.
 */
public final class EnglishGlossary {
    private record Entry(Pattern phrase, String chinese) {
    }

    private final List<Entry> entries;

    private EnglishGlossary(List<Entry> entries) {
        this.entries = entries;
    }

    public static EnglishGlossary load(Path file) {
        if (!Files.exists(file)) {
            return new EnglishGlossary(List.of());
        }
        try {
            JsonNode glosses = Json.MAPPER.readTree(Files.readString(file)).path("glosses");
            List<Map.Entry<String, JsonNode>> pairs = new ArrayList<>();
            glosses.fields().forEachRemaining(pairs::add);
            pairs.sort(Comparator.comparingInt((Map.Entry<String, JsonNode> e) -> e.getKey().length()).reversed());
            return new EnglishGlossary(pairs.stream()
                    // a plural is the same word (boots, tomatoes, litter boxes)
                    .map(e -> new Entry(Pattern.compile("(?<![a-z])" + Pattern.quote(e.getKey().toLowerCase(Locale.ROOT)) + "(?:e?s)?(?![a-z])"),
                            e.getValue().asText()))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The text with the Chinese of its English phrases appended, or the text itself when it has none. */
    public String glossed(String text) {
        if (text == null || entries.isEmpty() || text.chars().noneMatch(c -> c < 128 && Character.isLetter(c))) {
            return text;
        }
        StringBuilder rest = new StringBuilder(text.toLowerCase(Locale.ROOT));
        List<String> added = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = e.phrase().matcher(rest);
            if (m.find()) {
                added.add(e.chinese());
                do {
                    for (int i = m.start(); i < m.end(); i++) {
                        rest.setCharAt(i, ' '); // a longer phrase consumes its words (cash on delivery, not delivery)
                    }
                } while (m.find());
            }
        }
        return added.isEmpty() ? text : text + " " + String.join(" ", added);
    }
}
