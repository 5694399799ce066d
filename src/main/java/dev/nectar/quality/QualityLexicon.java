package dev.nectar.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wording that a rule looks for, read from {@code prompts/quality/<name>.json}: plain phrases and regular
 * expressions, matched on text folded to half-width lower case without spaces (so "加 V 信" still counts).
 */
public final class QualityLexicon {
    private final String name;
    private final List<String> phrases;
    private final List<Pattern> patterns;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<String> phrases, List<String> patterns) {
    }

    private QualityLexicon(String name, List<String> phrases, List<Pattern> patterns) {
        this.name = name;
        this.phrases = phrases;
        this.patterns = patterns;
    }

    public static QualityLexicon load(Path dir, String name) {
        Path path = dir.resolve(name + ".json");
        try {
            File f = Json.MAPPER.readValue(Files.readString(path), File.class);
            List<String> phrases = f.phrases() == null ? List.of() : f.phrases().stream().map(QualityLexicon::fold).toList();
            List<Pattern> patterns = f.patterns() == null ? List.of() : f.patterns().stream().map(Pattern::compile).toList();
            if (phrases.isEmpty() && patterns.isEmpty()) {
                throw new IllegalStateException(path + " has neither phrases nor patterns");
            }
            return new QualityLexicon(name, phrases, patterns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Half-width, lower case, no white space. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** The first phrase or pattern match in the text, as found there. */
    public Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String folded = fold(text);
        for (String p : phrases) {
            if (folded.contains(p)) {
                return Optional.of(p);
            }
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(folded);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
