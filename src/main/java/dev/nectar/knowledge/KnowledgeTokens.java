package dev.nectar.knowledge;

import dev.nectar.text.ChineseWords;
import dev.nectar.text.ChineseText;

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

    /**
     * The query as groups: each distinct token with the words that may stand for it (synonyms, the regions a place
     * lies in); a place of three or more characters the segmenter missed (哈尔滨 as 哈尔, 尔滨) gets a group of its own.
     */
    static List<Set<String>> query(String text, ChineseText chinese) {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String token : of(text)) {
            if (seen.add(token)) {
                groups.add(group(token, chinese));
            }
        }
        for (String place : chinese.regions().places(text)) {
            if (seen.add(place)) {
                groups.add(group(place, chinese));
            }
        }
        return groups;
    }

    private static Set<String> group(String token, ChineseText chinese) {
        Set<String> group = new LinkedHashSet<>();
        group.add(token);
        for (String synonym : chinese.thesaurus().synonyms(token)) {
            group.addAll(synonym.length() >= MIN_WORD ? List.of(synonym) : BigramTokenizer.tokens(synonym));
        }
        // a group is written as its provinces in a table (江浙沪 as 江苏、浙江、上海)
        group.addAll(chinese.regions().members(token));
        // a region is written whole in one table (江浙沪皖) and in part in another (江浙沪), so its bigrams match too
        for (String region : chinese.regions().containing(token)) {
            group.addAll(BigramTokenizer.tokens(region));
            if (region.length() >= MIN_WORD) {
                group.add(region);
            }
        }
        return group;
    }

    private static boolean isHan(String w) {
        return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
