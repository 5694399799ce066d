package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which titles a message refers to by the runs of characters they share. Shared runs shorter than two
 * characters, generic words (我的, 订单, 快递) and order ids never count, so 我的围巾到哪了 matches "羊毛围巾 红色" through
 * 围巾 alone. Titles are indexed by character bigram, which keeps a 5,000-product catalog cheap to search.
 */
final class TitleMatcher {
    /** Added when a message names a SKU in full: an exact reference beats any shared words. */
    static final int SKU_BONUS = 100;
    private static final Pattern SKU_LIKE = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,}");

    private final TextNormalizer normalizer;
    private final CueTable genericWords;

    TitleMatcher(TextNormalizer normalizer, CueTable genericWords) {
        this.normalizer = normalizer;
        this.genericWords = genericWords;
    }

    /** The message with generic words and the given spans (order ids) blanked out. */
    String query(NormalizedText text, Collection<Cue> blanks) {
        char[] chars = text.folded().toCharArray();
        List<Cue> spans = new ArrayList<>(genericWords.find(text.folded()));
        spans.addAll(blanks);
        for (Cue span : spans) {
            for (int k = span.start(); k < span.end(); k++) {
                chars[k] = ' ';
            }
        }
        return new String(chars);
    }

    /** Lower-cased SKU-like tokens of the query, to look SKUs up exactly. */
    static Set<String> skuTokens(String query) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher m = SKU_LIKE.matcher(query);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    Index index(List<String> descriptions) {
        return new Index(descriptions.stream().map(d -> normalizer.normalize(d).folded()).toList());
    }

    record Match(int entry, int score, List<String> terms) {
    }

    /** Bigram postings of normalised descriptions. Immutable. */
    static final class Index {
        private final List<String> texts;
        private final Map<String, int[]> postings;

        private Index(List<String> texts) {
            this.texts = texts;
            Map<String, Set<Integer>> byBigram = new HashMap<>();
            for (int e = 0; e < texts.size(); e++) {
                String t = texts.get(e);
                for (int p = 0; p + 1 < t.length(); p++) {
                    if (isWordChar(t.charAt(p)) && isWordChar(t.charAt(p + 1))) {
                        byBigram.computeIfAbsent(t.substring(p, p + 2), k -> new LinkedHashSet<>()).add(e);
                    }
                }
            }
            Map<String, int[]> compact = new HashMap<>();
            byBigram.forEach((bigram, entries) -> compact.put(bigram, entries.stream().mapToInt(Integer::intValue).toArray()));
            this.postings = compact;
        }

        List<String> texts() {
            return texts;
        }

        /** Entries sharing text with the query, by entry index; score = characters in the shared runs. */
        Map<Integer, Match> match(String query) {
            Map<Integer, BitSet> marks = new TreeMap<>();
            for (int p = 0; p + 1 < query.length(); p++) {
                if (isWordChar(query.charAt(p)) && isWordChar(query.charAt(p + 1))) {
                    int[] entries = postings.get(query.substring(p, p + 2));
                    if (entries != null) {
                        for (int e : entries) {
                            marks.computeIfAbsent(e, k -> new BitSet()).set(p);
                        }
                    }
                }
            }
            Map<Integer, Match> matches = new HashMap<>();
            marks.forEach((entry, bits) -> {
                // consecutive matching bigrams form one shared run: 猫粮 + 粮2 ... → one term
                Set<String> terms = new LinkedHashSet<>();
                for (int p = bits.nextSetBit(0); p >= 0; ) {
                    int q = p;
                    while (bits.get(q + 1)) {
                        q++;
                    }
                    String term = query.substring(p, q + 2);
                    if (meaningful(term, p, query, texts.get(entry))) {
                        terms.add(term);
                    }
                    p = bits.nextSetBit(q + 1);
                }
                if (!terms.isEmpty()) {
                    int score = terms.stream().mapToInt(String::length).sum();
                    matches.put(entry, new Match(entry, score, List.copyOf(terms)));
                }
            });
            return matches;
        }
    }

    /**
     * Numbers and English words meet by chance: a term needs a letter (not the 00 of 200元 and 500g) and must stand at
     * {@link #bounded} places in the query and in the text.
     */
    private static boolean meaningful(String term, int at, String query, String text) {
        if (term.chars().noneMatch(Character::isLetter) || !bounded(query, at, at + term.length())) {
            return false;
        }
        for (int k = text.indexOf(term); k >= 0; k = text.indexOf(term, k + 1)) {
            if (bounded(text, k, k + term.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the span may start and end a term: not inside a number (the 0ml of 1000ml), nor inside an English word
     * (the "phone" of headphones in iPhone, the "an" of bank in ANC).
     */
    private static boolean bounded(String s, int start, int end) {
        boolean inNumber = start > 0 && Character.isDigit(s.charAt(start)) && Character.isDigit(s.charAt(start - 1));
        return !inNumber && !(latin(s, start) && latin(s, start - 1)) && !(latin(s, end - 1) && latin(s, end));
    }

    private static boolean latin(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) < 128 && Character.isLetter(s.charAt(i));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
