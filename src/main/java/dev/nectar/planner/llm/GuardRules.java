package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The output guard's lexicon, kept in {@code prompts/llm/guard.json} so that wording changes need no rebuild. */
public record GuardRules(List<Pattern> promises, String promiseReplacementZh, String promiseReplacementEn,
                         List<String> leakMarkers, Map<String, String> labels, String mask) {

    public static GuardRules load(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read output guard rules " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Pattern> promises = new ArrayList<>();
        for (JsonNode p : root.path("promises")) {
            try {
                promises.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(file + ": promise pattern is not a valid regular expression: " + p.asText(), e);
            }
        }
        List<String> markers = new ArrayList<>();
        root.path("leakMarkers").forEach(m -> markers.add(m.asText().toLowerCase(Locale.ROOT)));
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        String zh = root.path("promiseReplacement").path("zh").asText("");
        String en = root.path("promiseReplacement").path("en").asText("");
        if (promises.isEmpty() || zh.isBlank() || en.isBlank()) {
            throw new IllegalStateException(file + ": promises and promiseReplacement.zh/en are required");
        }
        return new GuardRules(List.copyOf(promises), zh, en, List.copyOf(markers), Map.copyOf(labels),
                root.path("mask").asText("***"));
    }
}
