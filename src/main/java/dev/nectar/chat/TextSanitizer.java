package dev.nectar.chat;

/**
 * Cleans buyer text before anything reads or stores it: control characters (a NUL is refused by PostgreSQL),
 * lone surrogates (not encodable as UTF-8) and invisible format characters (zero-width spaces, bidi overrides that
 * disguise text) are dropped; line breaks are kept and tabs become spaces. What is left is stripped, so a message
 * of only such characters is empty, and a photo sent with it is a photo-only message.
 */
public final class TextSanitizer {
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextSanitizer() {
    }

    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (c == '\n') {
                out.append(c);
            } else if (c == '\t') {
                out.append(' ');
            } else if (c == '\r') {
                if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (!dropped(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean dropped(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || (type == Character.FORMAT && c != ZERO_WIDTH_JOINER);
    }
}
