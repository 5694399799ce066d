package dev.nectar.images;

/**
 * One reason behind a verdict.
 *
 * @param name   stable snake_case identifier (e.g. {@code ai_generator_metadata}, {@code reused_photo})
 * @param detail what was found, for the merchant to read
 * @param weight 0..1, combined with the others by {@link VerdictRule}
 * @param strong a marker that decides FAKE on its own
 */
public record Signal(String name, String detail, double weight, boolean strong) {

    public static Signal weak(String name, String detail, double weight) {
        return new Signal(name, detail, weight, false);
    }

    public static Signal strong(String name, String detail, double weight) {
        return new Signal(name, detail, weight, true);
    }
}
