package dev.nectar.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words of a Chinese text by HanLP's standard segmenter (its core dictionary, shipped in the portable jar), with
 * punctuation, spaces and the function words that carry no topic (pronouns, particles, auxiliaries, adverbs of
 * degree) removed. Thread-safe; the dictionary loads once, on first use.
 */
public final class ChineseWords {
    /** HanLP part-of-speech prefixes that carry no topic: w punctuation, r pronoun, u auxiliary, y modal, e interjection, o onomatopoeia, c conjunction, p preposition, d adverb. */
    private static final Set<Character> FUNCTION = Set.of('w', 'r', 'u', 'y', 'e', 'o', 'c', 'p', 'd');

    private ChineseWords() {
    }

    /** Content words in order, lower-cased. */
    public static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : segment(text)) {
            String w = t.word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || t.nature == null || FUNCTION.contains(t.nature.toString().charAt(0)) || !hasLetterOrDigit(w)) {
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** Nouns in order (HanLP natures n…, including names and unknown product words), lower-cased. */
    public static List<String> nouns(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : segment(text)) {
            String w = t.word.strip().toLowerCase(Locale.ROOT);
            if (!w.isEmpty() && t.nature != null && t.nature.toString().charAt(0) == 'n' && hasLetterOrDigit(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Term> segment(String text) {
        return text == null || text.isBlank() ? List.of() : HanLP.segment(text);
    }

    private static boolean hasLetterOrDigit(String w) {
        return w.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
