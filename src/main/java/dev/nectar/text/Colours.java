package dev.nectar.text;

/**
 * Colours named the way buyers name them: a shop calls a variant 星空蓝 or 樱花粉, the buyer says 蓝色, 粉的 or 换蓝的.
 * A colour variant is named by its head character followed by 色, 的 or 款.
 */
public final class Colours {
    private static final String HEADS = "红橙黄绿青蓝紫黑白灰粉棕褐金银米咖杏";

    private Colours() {
    }

    /** Whether the text names the colour value by its head (换蓝色 names 星空蓝); false for a value that is no colour. */
    public static boolean namedByHead(String text, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        char head = v.endsWith("色") && v.length() > 1 ? v.charAt(v.length() - 2) : v.charAt(v.length() - 1);
        return HEADS.indexOf(head) >= 0 && (text.contains(head + "色") || text.contains(head + "的") || text.contains(head + "款"));
    }
}
