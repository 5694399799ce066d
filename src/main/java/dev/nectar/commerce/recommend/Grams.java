package dev.nectar.commerce.recommend;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Character bigrams of Chinese runs plus whole Latin words: a segmentation-free way to compare short texts. */
final class Grams {
    /** Bigrams of request phrasing that carry no product meaning even when a title happens to contain them. */
    private static final Set<String> FILLER = Set.of("适合", "推荐", "有没", "没有", "什么", "哪个", "哪款", "一款", "一个", "一下",
            "可以", "怎么", "给我", "我是", "需要", "想要", "想买", "买个", "用的", "好用", "哪些", "有什", "么好", "的东", "东西");

    /** X子 words whose X is no product: 样子, 日子, 一下子. */
    private static final Set<String> NOT_HEADS = Set.of("样子", "日子", "下子", "法子", "点子", "个子", "辈子", "阵子", "孩子", "妻子", "儿子");

    private Grams() {
    }

    /**
     * The bigrams plus the head of each X子 noun: Chinese product names are right-headed, so 裤子 is 裤 and matches
     * 牛仔裤, 鞋子 matches 帆布鞋, 饺子 matches 水饺, which share no bigram with them.
     */
    static Set<String> withHeads(String text) {
        Set<String> grams = of(text);
        if (text == null) {
            return grams;
        }
        for (int i = 1; i < text.length(); i++) {
            String word = text.substring(i - 1, i + 1);
            if (text.charAt(i) == '子' && Character.UnicodeScript.of(text.charAt(i - 1)) == Character.UnicodeScript.HAN
                    && !NOT_HEADS.contains(word)) {
                grams.add(text.substring(i - 1, i));
            }
        }
        return grams;
    }

    /** The single Han characters of a text, for matching the heads {@link #withHeads} yields. */
    static Set<String> characters(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .forEach(c -> out.add(new String(Character.toChars(c))));
        }
        return out;
    }

    /** The grams of a word, a one-character word (梳, 锅) as itself: it can meet a title's characters. */
    static Set<String> ofWord(String word) {
        if (word.length() == 1 && Character.UnicodeScript.of(word.charAt(0)) == Character.UnicodeScript.HAN) {
            return new LinkedHashSet<>(Set.of(word));
        }
        return of(word);
    }

    static Set<String> of(String text) {
        Set<String> grams = new LinkedHashSet<>();
        if (text == null) {
            return grams;
        }
        String t = ChineseNumbers.halfWidth(text).toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : ' ';
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.append(c);
            } else {
                flushHan(han, grams);
            }
            if (Character.isLetterOrDigit(c) && c < 128) {
                latin.append(c);
            } else {
                flushLatin(latin, grams);
            }
        }
        return grams;
    }

    private static void flushHan(StringBuilder run, Set<String> grams) {
        for (int i = 0; i + 2 <= run.length(); i++) {
            String g = run.substring(i, i + 2);
            if (!FILLER.contains(g)) {
                grams.add(g);
            }
        }
        run.setLength(0);
    }

    /** Latin words of two letters or more that are not bare numbers (VC, spf50; not 100). */
    private static void flushLatin(StringBuilder run, Set<String> grams) {
        if (run.length() >= 2 && !run.chars().allMatch(Character::isDigit)) {
            grams.add(run.toString());
        }
        run.setLength(0);
    }
}
