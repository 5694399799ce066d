package dev.nectar.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chinese geography for questions about delivery: a buyer names a city (成都, 合肥) where a merchant's table names
 * its province or area (四川, 西南, 江浙沪皖). Each place knows the regions that contain it, read from
 * {@code prompts/understanding/regions.json}. Immutable and thread-safe.
 */
public final class Regions {
    private final Map<String, Set<String>> containing;
    /** The provinces of each group and area (江浙沪 → 江苏, 浙江, 上海). */
    private final Map<String, List<String>> members;
    /** Every name, longest first, for scanning a text. */
    private final List<String> names;

    private Regions(Map<String, Set<String>> containing, Map<String, List<String>> members) {
        this.containing = containing;
        this.members = members;
        this.names = containing.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private record File(Map<String, List<String>> areas, Map<String, List<String>> groups,
                        Map<String, String> aliases, Map<String, List<String>> provinces) {
    }

    public static Regions load(Path file) {
        if (!Files.exists(file)) {
            return new Regions(Map.of(), Map.of());
        }
        File json;
        try {
            json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the regions " + file, e);
        }
        Map<String, Set<String>> up = new HashMap<>();
        json.provinces().forEach((province, cities) -> {
            up.computeIfAbsent(province, k -> new LinkedHashSet<>());
            cities.forEach(c -> up.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(province));
        });
        json.groups().forEach((group, provinces) -> {
            up.computeIfAbsent(group, k -> new LinkedHashSet<>());
            provinces.forEach(p -> up.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(group));
        });
        json.areas().forEach((area, provinces) -> {
            up.computeIfAbsent(area, k -> new LinkedHashSet<>());
            provinces.forEach(p -> up.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(area));
        });
        Map<String, Set<String>> closed = new HashMap<>();
        up.keySet().forEach(place -> closed.put(place, closure(place, up)));
        json.aliases().forEach((alias, place) -> {
            Set<String> regions = new LinkedHashSet<>();
            regions.add(place);
            regions.addAll(closed.getOrDefault(place, Set.of()));
            closed.put(alias.toLowerCase(Locale.ROOT), regions);
        });
        Map<String, List<String>> members = new HashMap<>(json.areas());
        members.putAll(json.groups());
        return new Regions(closed, Map.copyOf(members));
    }

    /** The regions above a place, nearest first: 成都 → 四川, 西南; 上海 → 江浙沪, 江浙沪皖, 华东. */
    private static Set<String> closure(String place, Map<String, Set<String>> up) {
        Set<String> out = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(up.getOrDefault(place, Set.of()));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String r : frontier) {
                if (out.add(r)) {
                    next.addAll(up.getOrDefault(r, Set.of()));
                }
            }
            frontier = next;
        }
        return out;
    }

    /** The regions that contain a place, nearest first; empty for a name that is no place. */
    public Set<String> containing(String place) {
        return containing.getOrDefault(place.toLowerCase(Locale.ROOT), Set.of());
    }

    /** The provinces a group or area is made of (江浙沪 → 江苏, 浙江, 上海); empty for any other name. */
    public List<String> members(String region) {
        return members.getOrDefault(region, List.of());
    }

    /** The places a text names, each once, longest names first where they overlap (哈尔滨 not 滨). */
    public List<String> places(String text) {
        if (text == null || text.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] taken = new boolean[lower.length()];
        Map<Integer, String> found = new java.util.TreeMap<>();
        for (String name : names) {
            for (int i = lower.indexOf(name); i >= 0; i = lower.indexOf(name, i + 1)) {
                boolean free = true;
                for (int j = i; j < i + name.length(); j++) {
                    free &= !taken[j];
                }
                if (free) {
                    for (int j = i; j < i + name.length(); j++) {
                        taken[j] = true;
                    }
                    found.put(i, name);
                }
            }
        }
        return found.values().stream().distinct().toList();
    }
}
