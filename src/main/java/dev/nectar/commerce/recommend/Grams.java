package dev.nectar.commerce.recommend;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Character bigrams of Chinese runs plus whole Latin words: a segmentation-free way to compare short texts. */
final class Grams {
    /** Bigrams of request phrasing that carry no product meaning even when a title happens to contain them. */
    private static final Set<String> FILLER = Set.of("适合", "推荐", "有没", "没有", "什么", "哪个", "哪款", "一款", "一个", "一下",
            "可以", "怎么", "给我", "我是", "需要", "想要", "想买", "买个", "用的", "好用", "哪些", "有什", "么好", "的东", "东西");

    private Grams() {
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
