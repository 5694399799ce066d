package dev.nectar.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tokens for lexical matching of Chinese without a dictionary: overlapping character bigrams inside runs of Han
 * characters (a lone character stands for itself), and ASCII words and numbers whole ("spf50", "42", "xl").
 * Question filler (请问, 怎么, 吗 ...) splits runs instead of joining their neighbours into junk bigrams.
 */
final class BigramTokenizer {
    private static final Pattern FILLER = Pattern.compile(
            "请问|你好|您好|你们|我们|咱们|我想|想问|想知道|一下|怎么样|怎么办|怎么|怎样|如何|什么|哪些|哪个|哪里|哪儿|多少|多久"
                    + "|多长时间|为什么|为啥|是否|会不会|要不要|可不可以|可以|能不能|能否|是不是|有没有|大概|一般"
                    + "|吗|呢|吧|啊|呀|嘛|哦|的|了|么|亲");

    private BigramTokenizer() {
    }

    /** Full-width forms folded to half-width, letters lower-cased, whitespace runs collapsed. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    static List<String> tokens(String text) {
        String s = FILLER.matcher(normalize(text)).replaceAll(" ");
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            if (isHan(c)) {
                int start = i;
                while (i < n && isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                hanRun(s.substring(start, i), out);
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && Character.isLetterOrDigit(s.codePointAt(i)) && !isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                out.add(s.substring(start, i));
            } else {
                i += Character.charCount(c);
            }
        }
        return out;
    }

    private static void hanRun(String run, List<String> out) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            out.add(run);
            return;
        }
        for (int j = 0; j + 1 < cps.length; j++) {
            out.add(new String(cps, j, 2));
        }
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
