package dev.nectar.commerce.recommend;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Full-width to half-width and Chinese number words to digits (两百 → 200, 一百五 → 150, 1万 → 10000). */
final class ChineseNumbers {
    private static final String DIGITS = "零一二三四五六七八九";
    /** A number word starts with a digit or 十; a unit after Arabic digits (1万) is handled separately. */
    private static final Pattern WORD = Pattern.compile("[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*");
    private static final Pattern DIGITS_WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)([百千万])");

    private ChineseNumbers() {
    }

    /** Half-width, lower case, number words as digits. */
    static String normalize(String text) {
        String half = halfWidth(text).toLowerCase(java.util.Locale.ROOT);
        Matcher m = WORD.matcher(half);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Long.toString(value(m.group())));
        }
        half = m.appendTail(out).toString();
        Matcher u = DIGITS_WITH_UNIT.matcher(half);
        out = new StringBuilder();
        while (u.find()) {
            BigDecimal n = new BigDecimal(u.group(1)).multiply(BigDecimal.valueOf(unit(u.group(2).charAt(0))));
            u.appendReplacement(out, n.stripTrailingZeros().toPlainString());
        }
        return u.appendTail(out).toString();
    }

    static String halfWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\u3000') {
                b.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The value of a number word; a digit right after 百/千/万 is a tenth of it (一百五 = 150, 一百零五 = 105). */
    static long value(String word) {
        long total = 0;
        long section = 0;
        long digit = -1;
        long lastUnit = 0;
        boolean zero = false;
        for (char c : word.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                zero |= d == 0;
                digit = d;
                continue;
            }
            long unit = unit(c);
            if (unit == 10000) {
                total += (section + Math.max(digit, 0)) * 10000;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            lastUnit = unit;
            digit = -1;
            zero = false;
        }
        if (digit > 0) {
            section += lastUnit >= 100 && !zero ? digit * lastUnit / 10 : digit;
        }
        return total + section;
    }

    private static int digit(char c) {
        return c == '两' ? 2 : c == '〇' ? 0 : DIGITS.indexOf(c);
    }

    private static long unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10000;
            default -> 1;
        };
    }
}
