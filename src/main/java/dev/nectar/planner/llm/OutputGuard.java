package dev.nectar.planner.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the model's text before the buyer sees it, one sentence at a time (see {@link SentenceStream}) so that
 * streamed pieces and the final reply always agree:
 * <ul>
 *   <li>a sentence that talks about the model's own instructions, or quotes the system prompt, is dropped;</li>
 *   <li>a refund promise is replaced by a neutral sentence unless a tool result of this turn shows an approved case;</li>
 *   <li>phone numbers and id-like tokens (order ids, tracking numbers, internal ids) that are not grounded in this
 *       buyer's data or this turn's tool results are masked;</li>
 *   <li>internal tool names are shown as words.</li>
 * </ul>
 */
public final class OutputGuard {
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:\\+?86[- ]?)?(?:1[3-9][0-9](?:[- ]?[0-9]{4}){2}|0[0-9]{2,3}-?[0-9]{7,8}|[48]00-?[0-9]{3}-?[0-9]{4})(?![0-9])");
    private static final Pattern ID_LIKE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9][A-Za-z0-9_-]{5,}(?![A-Za-z0-9_-])");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}(?:T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Ideographs of the system prompt a sentence must share in a row to count as quoting it. */
    static final int QUOTE_WINDOW = 12;
    private static final String TERMINATORS = "。！？!?；;\n";
    private static final String CLOSERS = "”’\"'）)】」』";

    private final GuardRules rules;
    private final Set<String> promptWindows = new HashSet<>();
    private final List<Map.Entry<Pattern, String>> labels = new ArrayList<>();

    public OutputGuard(GuardRules rules, String systemPrompt) {
        this.rules = rules;
        String normalised = normalise(systemPrompt);
        for (int i = 0; i + QUOTE_WINDOW <= normalised.length(); i++) {
            promptWindows.add(normalised.substring(i, i + QUOTE_WINDOW));
        }
        rules.labels().forEach((name, label) -> labels.add(Map.entry(
                Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])"), label)));
    }

    /** One sentence, with its terminator and trailing space kept. */
    public String sentence(String sentence, Grounding grounding) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (rules.leakMarkers().stream().anyMatch(lower::contains) || quotesPrompt(sentence)) {
            return "";
        }
        String trailing = sentence.substring(sentence.stripTrailing().length());
        if (!grounding.refundGranted() && rules.promises().stream().anyMatch(p -> p.matcher(sentence).find())) {
            return (CJK.matcher(sentence).find() ? rules.promiseReplacementZh() : rules.promiseReplacementEn()) + trailing;
        }
        String s = mask(sentence, PHONE, grounding, t -> true);
        s = mask(s, ID_LIKE, grounding, OutputGuard::idLike);
        for (Map.Entry<Pattern, String> label : labels) {
            s = label.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(label.getValue()));
        }
        return s;
    }

    private String mask(String s, Pattern pattern, Grounding grounding, java.util.function.Predicate<String> candidate) {
        Matcher m = pattern.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            boolean hide = !token.equals(rules.mask()) && candidate.test(token) && !grounding.known(token);
            m.appendReplacement(out, Matcher.quoteReplacement(hide ? rules.mask() : token));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Tokens that identify something: letters with digits, or a long run of digits, but not a date or time. */
    static boolean idLike(String token) {
        if (DATE_TIME.matcher(token).matches()) {
            return false;
        }
        int digits = 0;
        boolean letter = false;
        for (char c : token.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isLetter(c)) {
                letter = true;
            }
        }
        return digits > 0 && (letter || digits >= 8);
    }

    private boolean quotesPrompt(String sentence) {
        String n = normalise(sentence);
        for (int i = 0; i + QUOTE_WINDOW <= n.length(); i++) {
            if (promptWindows.contains(n.substring(i, i + QUOTE_WINDOW))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ideographs only: quoting survives re-punctuation and markdown, and the tool and enum names the prompt
     * mentions (which the buyer may legitimately read, as words) do not make an ordinary sentence look like a quote.
     */
    private static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(b::appendCodePoint);
        return b.toString();
    }

    /**
     * Where the first complete sentence of {@code text} ends (after its terminator, closing quotes and spaces), or 0
     * when none is complete yet. A sentence is complete only once a character follows its end, so that splitting a
     * stream piece by piece gives exactly the sentences of splitting the whole text at once.
     */
    static int sentenceEnd(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean terminator = TERMINATORS.indexOf(c) >= 0 || (c == '.' && i + 1 < n && Character.isWhitespace(text.charAt(i + 1)));
            if (!terminator) {
                continue;
            }
            int j = i + 1;
            while (j < n && (CLOSERS.indexOf(text.charAt(j)) >= 0 || text.charAt(j) == ' ' || text.charAt(j) == '\n')) {
                j++;
            }
            return j < n ? j : 0;
        }
        return 0;
    }
}
