package dev.nectar.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs homophone typos of pinyin input methods: a run of two to four Han characters that is no word of its own but
 * reads (toneless pinyin) exactly like a word of the domain vocabulary becomes that word (快第 → 快递, 推款 → 退款,
 * 发漂 → 发票, 尺马 → 尺码). A run that HanLP's core dictionary knows as a word is left alone (发火 stays 发火), as is
 * any pinyin two vocabulary words share. Immutable and thread-safe.
 */
public final class HomophoneCorrector {
    private static final int MIN = 2;
    private static final int MAX = 4;

    private final Map<String, String> byPinyin = new HashMap<>();
    private final java.util.Set<String> vocabulary = new java.util.HashSet<>();

    public HomophoneCorrector(Collection<String> vocabulary) {
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (String word : vocabulary) {
            if (word.length() < MIN || word.length() > MAX || !word.codePoints().allMatch(HomophoneCorrector::isHan)) {
                continue;
            }
            this.vocabulary.add(word);
            String key = key(HanLP.convertToPinyinList(word));
            if (byPinyin.containsKey(key) && !byPinyin.get(key).equals(word)) {
                ambiguous.add(key);
            }
            byPinyin.putIfAbsent(key, word);
        }
        ambiguous.forEach(byPinyin::remove);
    }

    public String correct(String text) {
        if (text == null || text.isEmpty() || byPinyin.isEmpty()) {
            return text;
        }
        List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
        if (pinyin.size() != text.length()) {
            return text; // a character outside the BMP shifts the alignment; leave such text as it is
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int taken = 0;
            for (int len = Math.min(MAX, text.length() - i); len >= MIN && taken == 0; len--) {
                String run = text.substring(i, i + len);
                if (!run.codePoints().allMatch(HomophoneCorrector::isHan)) {
                    continue;
                }
                if (vocabulary.contains(run)) {
                    out.append(run);
                    taken = len;
                    break;
                }
                String word = byPinyin.get(key(pinyin.subList(i, i + len)));
                if (word != null && !CoreDictionary.contains(run)) {
                    out.append(word);
                    taken = len;
                }
            }
            if (taken == 0) {
                out.append(text.charAt(i));
                taken = 1;
            }
            i += taken;
        }
        return out.toString();
    }

    /**
     * Vocabulary words that runs of the text read exactly like without being them, a dictionary word included
     * (顺风 → 顺丰 where the vocabulary has only 顺丰, 包油 → 包邮): for a search, which adds them beside the
     * buyer's words rather than in their place.
     */
    public List<String> alternatives(String text) {
        if (text == null || text.isEmpty() || byPinyin.isEmpty()) {
            return List.of();
        }
        List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
        if (pinyin.size() != text.length()) {
            return List.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i + MIN <= text.length(); i++) {
            for (int len = MIN; len <= MAX && i + len <= text.length(); len++) {
                String run = text.substring(i, i + len);
                if (!run.codePoints().allMatch(HomophoneCorrector::isHan) || vocabulary.contains(run)) {
                    continue;
                }
                String word = byPinyin.get(key(pinyin.subList(i, i + len)));
                if (word != null) {
                    out.add(word);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The text with its {@link #alternatives} after it: what a search looks for, the buyer's own words kept. */
    public String withAlternatives(String text) {
        List<String> alternatives = alternatives(text);
        return alternatives.isEmpty() ? text : text + " " + String.join(" ", alternatives);
    }

    private static String key(List<Pinyin> pinyin) {
        StringBuilder sb = new StringBuilder();
        for (Pinyin p : pinyin) {
            sb.append(p.getPinyinWithoutTone()).append(' ');
        }
        return sb.toString();
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
