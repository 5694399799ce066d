package dev.nectar.planner.understanding;

/**
 * A buyer message after {@link TextNormalizer}.
 *
 * @param original the message as received
 * @param text     normalised: half-width, emoji removed, spaces collapsed, quantifying number words as digits
 * @param folded   {@code text} with ASCII letters lower-cased; same length, so positions are shared
 */
public record NormalizedText(String original, String text, String folded) {

    static NormalizedText of(String original, String text) {
        return new NormalizedText(original, text, fold(text));
    }

    /** ASCII-only lower-casing keeps every index valid (String.toLowerCase may change the length). */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
