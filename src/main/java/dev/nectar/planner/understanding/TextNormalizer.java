package dev.nectar.planner.understanding;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts buyer text into one canonical form so that lexicon cues and slot patterns are written once: full-width to
 * half-width, Chinese punctuation to ASCII, emoji and zero-width characters removed, whitespace collapsed, and Chinese
 * number words that quantify turned into digits (两百 → 200, 一百五 → 150, 三只 → 3只, 第一个 → 第1个, 一斤半 → 1.5斤).
 * Words like 一下 or 一直 keep their characters: a number word becomes digits only when it carries 十/百/千/万, follows
 * 第, or is followed by a unit of {@code quantities.json}.
 *
 * <p>Obtain one from {@link Lexicon#normalizer()}; it is immutable and thread-safe.
 */
public final class TextNormalizer {
    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final String MAGNITUDES = "十百千万";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("([!?.,~\\-])\\1+");
    private static final Pattern DIGITS_THEN_MAGNITUDE = Pattern.compile("(\\d+(?:\\.\\d+)?)([百千万])");

    private final List<String> units;
    private final List<String> keepWords;
    private final Pattern halfAfterUnit;
    private final Pattern halfBeforeUnit;

    TextNormalizer(Collection<String> numeralUnits, Collection<String> keepWords, Collection<String> halfUnits) {
        this.units = numeralUnits.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.keepWords = List.copyOf(keepWords);
        String half = alternation(halfUnits);
        // 半价 is a discount, not half a unit
        this.halfAfterUnit = Pattern.compile("(\\d+)(" + half + ")半(?!价)");
        this.halfBeforeUnit = Pattern.compile("(?<![\\d一])半(个)?(" + half + ")");
    }

    public NormalizedText normalize(String raw) {
        String original = raw == null ? "" : raw;
        String s = cleanCharacters(Normalizer.normalize(original, Normalizer.Form.NFKC));
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = REPEATED_PUNCTUATION.matcher(s).replaceAll("$1");
        if (s.chars().anyMatch(TextNormalizer::isNumberWord)) {
            s = numberWordsToDigits(s);
            s = digitsTimesMagnitude(s);
        }
        if (s.indexOf('半') >= 0) {
            s = halfAfterUnit.matcher(s).replaceAll("$1.5$2");
            s = halfBeforeUnit.matcher(s).replaceAll("0.5$2");
        }
        return NormalizedText.of(original, s);
    }

    /** Punctuation NFKC leaves alone, emoji, controls and zero-width joiners. */
    private static String cleanCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isEmoji(cp) || (Character.isISOControl(cp) && !Character.isWhitespace(cp)) || isInvisible(cp)) {
                return;
            }
            switch (cp) {
                case '。' -> out.append('.');
                case '、' -> out.append(',');
                case '“', '”', '「', '」', '『', '』' -> out.append('"');
                case '‘', '’' -> out.append('\'');
                case '【', '〔' -> out.append('[');
                case '】', '〕' -> out.append(']');
                case '〜' -> out.append('~');
                case '—', '–', '―', '‒' -> out.append('-');
                default -> {
                    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)       // pictographs, emoticons, flags, skin tones
                || (cp >= 0x2600 && cp <= 0x27BF)     // symbols and dingbats (☀ ❤ ✅)
                || (cp >= 0x2B00 && cp <= 0x2BFF)     // stars and arrows used as emoji (⭐)
                || (cp >= 0x2300 && cp <= 0x23FF)     // ⌚ ⏰
                || (cp >= 0xE0020 && cp <= 0xE007F)   // emoji tag sequences
                || cp == 0x20E3 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }

    private static boolean isInvisible(int cp) {
        return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060
                || cp == 0xFEFF;
    }

    private String numberWordsToDigits(String s) {
        boolean[] kept = keptPositions(s);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (!isNumberWord(s.charAt(i)) || kept[i]) {
                out.append(s.charAt(i++));
                continue;
            }
            int j = i;
            while (j < s.length() && isNumberWord(s.charAt(j)) && !kept[j]) {
                j++;
            }
            String run = s.substring(i, j);
            String digits = toDigits(run, i > 0 && s.charAt(i - 1) == '第', unitAt(s, j) != null);
            out.append(digits == null ? run : digits);
            i = j;
        }
        return out.toString();
    }

    /** Digits for a run of number words, or null when the run is not a quantity here. */
    private static String toDigits(String run, boolean ordinal, boolean unitFollows) {
        boolean hasMagnitude = run.chars().anyMatch(c -> MAGNITUDES.indexOf(c) >= 0);
        if (hasMagnitude) {
            // 百/千/万 leading a run are idioms (千万, 万一, 百分百), never amounts
            if (MAGNITUDES.indexOf(run.charAt(0)) > 0) {
                return null;
            }
            long value = parseWithMagnitudes(run);
            return value < 0 ? null : Long.toString(value);
        }
        if (!ordinal && !unitFollows) {
            return null;
        }
        if (run.length() == 1) {
            // a lone 零 is a word of its own (零食, 零件)
            return DIGITS.indexOf(run.charAt(0)) < 2 ? null : Integer.toString(digitValue(run.charAt(0)));
        }
        // two digits without 零 are an approximation (一两个, 三五天), longer runs are read digit by digit (二零二四年)
        if (run.length() == 2 && run.indexOf('零') < 0 && run.indexOf('〇') < 0) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        run.chars().forEach(c -> digits.append(digitValue((char) c)));
        return digits.toString();
    }

    /**
     * Reads 二十, 一百零五, 两万五 and the colloquial 一百五 (150: a trailing digit counts in the next lower place).
     * Returns -1 for runs that are no number (一二十).
     */
    static long parseWithMagnitudes(String run) {
        long total = 0;
        long section = 0;
        int digit = -1;
        long lastMagnitude = 0;
        boolean zeroSeen = false;
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            int magnitude = magnitudeValue(c);
            if (magnitude == 0) {
                int d = digitValue(c);
                if (digit > 0) {
                    return -1;
                }
                if (d == 0) {
                    zeroSeen = true;
                } else {
                    digit = d;
                }
            } else if (magnitude == 10000) {
                section += Math.max(digit, 0);
                if (section == 0) {
                    return -1;
                }
                total += section * 10000;
                section = 0;
                digit = -1;
                lastMagnitude = magnitude;
                zeroSeen = false;
            } else {
                if (digit < 0) {
                    if (magnitude != 10) {
                        return -1;
                    }
                    digit = 1;
                }
                section += (long) digit * magnitude;
                digit = -1;
                lastMagnitude = magnitude;
                zeroSeen = false;
            }
        }
        if (digit > 0) {
            section += zeroSeen || lastMagnitude == 0 ? digit : digit * lastMagnitude / 10;
        }
        return total + section;
    }

    /** 2万 → 20000, 1.5千 → 1500; 3千克 stays (千克 is a unit). */
    private String digitsTimesMagnitude(String s) {
        Matcher m = DIGITS_THEN_MAGNITUDE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            if (unitAt(s, m.start(2)) == null) {
                BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(magnitudeValue(m.group(2).charAt(0))));
                replacement = value.stripTrailingZeros().toPlainString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean[] keptPositions(String s) {
        boolean[] kept = new boolean[s.length()];
        for (String word : keepWords) {
            for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
                for (int k = at; k < at + word.length(); k++) {
                    kept[k] = true;
                }
            }
        }
        return kept;
    }

    /** The longest unit starting at {@code index} (ASCII units ignore case), or null. */
    String unitAt(String s, int index) {
        for (String unit : units) {
            if (s.regionMatches(true, index, unit, 0, unit.length())) {
                return unit;
            }
        }
        return null;
    }

    private static boolean isNumberWord(int c) {
        return DIGITS.indexOf(c) >= 0 || MAGNITUDES.indexOf(c) >= 0;
    }

    private static int digitValue(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static int magnitudeValue(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10000;
            default -> 0;
        };
    }

    static String alternation(Collection<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b)
                .orElse("(?!)");
    }
}
