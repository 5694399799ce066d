package dev.nectar.knowledge;

import dev.nectar.text.ChineseWords;
import dev.nectar.text.Thesaurus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lexical tokens of knowledge text and queries: the character bigrams of {@link BigramTokenizer} (robust to words a
 * segmenter splits differently) plus HanLP's content words of three or more characters (快递费, 纳税人识别号), which a
 * bigram alone would match too loosely. Two-character words are bigrams already.
 */
final class KnowledgeTokens {
    private static final int MIN_WORD = 3;

    private KnowledgeTokens() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>(BigramTokenizer.tokens(text));
        for (String w : ChineseWords.content(BigramTokenizer.normalize(text))) {
            if (w.length() >= MIN_WORD && isHan(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The query as groups: each distinct token with the words the thesaurus lets stand for it. */
    static List<Set<String>> query(String text, Thesaurus thesaurus) {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String token : of(text)) {
            if (!seen.add(token)) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            group.add(token);
            for (String synonym : thesaurus.synonyms(token)) {
                group.addAll(synonym.length() >= MIN_WORD ? List.of(synonym) : BigramTokenizer.tokens(synonym));
            }
            groups.add(group);
        }
        return groups;
    }

    private static boolean isHan(String w) {
        return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
