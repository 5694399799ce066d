package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in normalised text: letter sizes (S M L XL XXL 2XL), numeric sizes (38码, 165号), size words of
 * {@code sizes.json} (大码 → L); the size right after an exchange verb is the target (换成XL码), and 小了/大了 give the
 * direction the buyer needs.
 */
final class SizeReader {
    private static final Pattern LETTER = Pattern.compile("(?<![a-z0-9'])(xxxl|xxl|xl|xs|[2-6]xl|s|m|l)(?![a-z0-9'])");
    private static final Pattern NUMERIC = Pattern.compile("(?<![a-z0-9.])(?:(\\d{2,3})\\s*码|(\\d{3})\\s*号)");

    record Sizes(List<String> tokens, Optional<String> target, Optional<Cue> direction) {
    }

    private record Hit(int start, String size) {
    }

    private final CueTable sizeWords;
    private final CueTable direction;
    private final List<String> exchangeVerbs;

    SizeReader(CueTable sizeWords, CueTable direction, List<String> exchangeVerbs) {
        this.sizeWords = sizeWords;
        this.direction = direction;
        this.exchangeVerbs = exchangeVerbs;
    }

    Sizes read(String folded) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = LETTER.matcher(folded);
        while (m.find()) {
            hits.add(new Hit(m.start(), canonicalLetters(m.group(1))));
        }
        m = NUMERIC.matcher(folded);
        while (m.find()) {
            hits.add(new Hit(m.start(), m.group(1) != null ? m.group(1) : m.group(2)));
        }
        sizeWords.find(folded).forEach(c -> hits.add(new Hit(c.start(), c.label())));
        hits.sort(Comparator.comparingInt(Hit::start));

        List<String> tokens = hits.stream().map(Hit::size).distinct().toList();
        Optional<String> target = hits.stream()
                .filter(h -> followsExchangeVerb(folded, h.start()))
                .reduce((first, second) -> second)
                .map(Hit::size);
        return new Sizes(tokens, target, CueTable.strongest(direction.find(folded)));
    }

    private boolean followsExchangeVerb(String folded, int start) {
        String before = folded.substring(0, start).stripTrailing();
        return exchangeVerbs.stream().anyMatch(before::endsWith);
    }

    /** 2xl and xxl are one size; the canonical form is upper case with repeated X (XXL, XXXL, 4XL). */
    private static String canonicalLetters(String letters) {
        if (Character.isDigit(letters.charAt(0))) {
            int n = letters.charAt(0) - '0';
            return n <= 3 ? "X".repeat(n) + "L" : n + "XL";
        }
        return letters.toUpperCase(Locale.ROOT);
    }
}
