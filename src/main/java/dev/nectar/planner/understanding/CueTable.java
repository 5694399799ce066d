package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled form of one lexicon table: literal cues in a character trie (one pass over the text finds them all)
 * plus regex patterns. A hit inside a longer literal hit of the same table is dropped, so masks (entries without a
 * label) hide the cues they contain and 不想退货 hides its 退货. Built once at {@link Lexicon} load; immutable.
 */
final class CueTable {
    /** How far before a cue a negation word still negates it (没有任何破损). */
    private static final int NEGATION_REACH = 3;
    private static final String CLAUSE_BREAKS = ",.!?;:~";
    private static final Comparator<Cue> STRONGEST = Comparator.comparingInt(Cue::weight)
            .thenComparingInt(Cue::length)
            .thenComparing(Comparator.comparingInt(Cue::start).reversed());

    /** A literal entry; a null label marks a mask. */
    record Entry(String cue, String label, int weight) {
    }

    /** A regex entry; a label of the form $n takes the text of group n. */
    record PatternEntry(Pattern pattern, String label, int weight) {
        String labelFor(Matcher m) {
            return label.startsWith("$") ? m.group(Integer.parseInt(label.substring(1))) : label;
        }
    }

    /** A trie node; children in sorted arrays, so a lookup is a binary search without boxing. */
    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        Entry entry;

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }

        Node childOrNew(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            Node created = new Node();
            keys = insert(keys, at, c);
            Node[] grown = Arrays.copyOf(children, children.length + 1);
            System.arraycopy(children, at, grown, at + 1, children.length - at);
            grown[at] = created;
            children = grown;
            return created;
        }

        private static char[] insert(char[] array, int at, char c) {
            char[] grown = Arrays.copyOf(array, array.length + 1);
            System.arraycopy(array, at, grown, at + 1, array.length - at);
            grown[at] = c;
            return grown;
        }
    }

    /** Negation words, and the words that end their reach (不给退就给差评: 就 starts a new clause). */
    record Negation(CueTable words, List<String> stops) {
    }

    private final Node root = new Node();
    private final List<PatternEntry> patterns;
    private final Negation negation;

    /**
     * @param negation when not null, a hit right after a negation word is dropped
     * @throws IllegalArgumentException when one cue is given twice with different meanings
     */
    CueTable(Collection<Entry> entries, List<PatternEntry> patterns, Negation negation) {
        for (Entry entry : entries) {
            Node node = root;
            for (char c : entry.cue().toCharArray()) {
                node = node.childOrNew(c);
            }
            if (node.entry != null && !node.entry.equals(entry)) {
                throw new IllegalArgumentException("cue '" + entry.cue() + "' is listed twice with different meanings");
            }
            node.entry = entry;
        }
        this.patterns = List.copyOf(patterns);
        this.negation = negation;
    }

    /** Hits in {@code folded} text, ordered by position (longer first at one position). */
    List<Cue> find(String folded) {
        List<Cue> raw = new ArrayList<>();
        for (int i = 0; i < folded.length(); i++) {
            Node node = root;
            for (int j = i; j < folded.length(); j++) {
                node = node.child(folded.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.entry != null && wholeWord(folded, i, j + 1)) {
                    raw.add(new Cue(node.entry.label(), folded.substring(i, j + 1), i, j + 1, node.entry.weight()));
                }
            }
        }
        // only literal hits (and masks) hide shorter ones: a context pattern such as 用了…脸 must not hide 面霜
        int literalCount = raw.size();
        for (PatternEntry p : patterns) {
            Matcher m = p.pattern().matcher(folded);
            while (m.find()) {
                if (m.end() > m.start()) {
                    raw.add(new Cue(p.labelFor(m), m.group(), m.start(), m.end(), p.weight()));
                }
            }
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        List<Cue> negationHits = negation == null ? List.of() : negation.words().find(folded);
        List<Cue> kept = new ArrayList<>();
        for (Cue cue : raw) {
            if (cue.label() != null && !insideAnother(cue, raw, literalCount) && !negated(folded, cue, negationHits)) {
                kept.add(cue);
            }
        }
        kept.sort(Comparator.comparingInt(Cue::start).thenComparing(Comparator.comparingInt(Cue::length).reversed()));
        return kept;
    }

    static Optional<Cue> strongest(Collection<Cue> cues) {
        return cues.stream().max(STRONGEST);
    }

    private static boolean insideAnother(Cue cue, List<Cue> raw, int literalCount) {
        for (int k = 0; k < literalCount; k++) {
            if (cue.insideLonger(raw.get(k))) {
                return true;
            }
        }
        return false;
    }

    private boolean negated(String s, Cue cue, List<Cue> negationHits) {
        for (Cue negation : negationHits) {
            if (negates(s, negation, cue)) {
                return true;
            }
        }
        return false;
    }

    private boolean negates(String s, Cue negationWord, Cue cue) {
        if (negationWord.end() > cue.start() || cue.start() - negationWord.end() > NEGATION_REACH) {
            return false;
        }
        String between = s.substring(negationWord.end(), cue.start());
        for (int k = 0; k < between.length(); k++) {
            if (CLAUSE_BREAKS.indexOf(between.charAt(k)) >= 0) {
                return false;
            }
        }
        return negation.stops().stream().noneMatch(between::contains);
    }

    /** ASCII cues match whole words only: "hi" is not inside "this", "12315" not inside "0123150". */
    private static boolean wholeWord(String s, int start, int end) {
        boolean startsAlnum = isAsciiAlnum(s.charAt(start));
        boolean endsAlnum = isAsciiAlnum(s.charAt(end - 1));
        return !(startsAlnum && start > 0 && isAsciiAlnum(s.charAt(start - 1)))
                && !(endsAlnum && end < s.length() && isAsciiAlnum(s.charAt(end)));
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
