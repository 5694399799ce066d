package dev.nectar.commerce.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a need that names no product asks for (手腕好酸 → 护腕, 腕托; 家里猫老掉毛 → 除毛, 梳子), and the kinds a ruled-out
 * word covers (不吃海鲜 → 虾, 三鲜), from {@code prompts/recommend/needs.json}: generic knowledge a language model would
 * bring and the embedded recommender has to be told.
 */
final class Needs {
    private record Group(List<String> cues, List<String> words) {
    }

    private final List<Group> groups;
    private final Map<String, List<String>> kinds;

    private Needs(List<Group> groups, Map<String, List<String>> kinds) {
        this.groups = groups;
        this.kinds = kinds;
    }

    static Needs none() {
        return new Needs(List.of(), Map.of());
    }

    static Needs load(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Group> groups = new ArrayList<>();
        root.path("groups").forEach(g -> groups.add(new Group(texts(g.path("cues")), texts(g.path("words")))));
        Map<String, List<String>> kinds = new TreeMap<>();
        root.path("kinds").fields().forEachRemaining(e -> kinds.put(lower(e.getKey()), texts(e.getValue())));
        return new Needs(List.copyOf(groups), Map.copyOf(kinds));
    }

    /** For each need the text states, the words of what it asks for, in the file's order. */
    List<List<String>> asked(String text) {
        List<List<String>> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String t = lower(text);
        for (Group g : groups) {
            if (g.cues().stream().anyMatch(c -> said(c, t))) {
                out.add(g.words());
            }
        }
        return out;
    }

    /** Most characters a buyer slips between two of a cue's (手腕好酸, 手腕有点酸 for 手腕酸). */
    private static final int GAP = 3;

    /** Words that, right before a cue, deny it: 不方便给猫洗澡 asks for no bath product. */
    private static final String DENIALS = "不没别免无";

    /**
     * The cue's characters in order within one clause, each at most {@link #GAP} characters after the one before, and
     * no denial just before (unless the cue is itself denied: 不爱喝水).
     */
    static boolean said(String cue, String text) {
        boolean denied = DENIALS.indexOf(cue.charAt(0)) >= 0;
        for (int start = text.indexOf(cue.charAt(0)); start >= 0; start = text.indexOf(cue.charAt(0), start + 1)) {
            if (!denied && text.substring(Math.max(0, start - GAP), start).chars().anyMatch(c -> DENIALS.indexOf(c) >= 0)) {
                continue;
            }
            int at = start;
            int k = 1;
            while (k < cue.length()) {
                int next = next(text, cue.charAt(k), at);
                if (next < 0) {
                    break;
                }
                at = next;
                k++;
            }
            if (k == cue.length()) {
                return true;
            }
        }
        return false;
    }

    private static int next(String text, char c, int after) {
        for (int i = after + 1; i < text.length() && i <= after + GAP + 1; i++) {
            char here = text.charAt(i);
            if (here == c) {
                return i;
            }
            if (!Character.isLetterOrDigit(here)) {
                return -1;
            }
        }
        return -1;
    }

    /** The word and the kinds it covers (海鲜 → 海鲜, 虾, 蟹…). */
    List<String> covering(String word) {
        List<String> out = new ArrayList<>(List.of(word));
        out.addAll(kinds.getOrDefault(word, List.of()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(lower(n.asText())));
        return List.copyOf(out);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
