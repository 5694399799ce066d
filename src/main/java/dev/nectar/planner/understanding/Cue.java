package dev.nectar.planner.understanding;

/**
 * One lexicon hit: the label of the entry that matched, the matched text (normalised, lower-cased ASCII), its
 * position in {@link NormalizedText#text()} and the entry's weight.
 */
public record Cue(String label, String text, int start, int end, int weight) {

    public int length() {
        return end - start;
    }

    boolean overlaps(Cue other) {
        return start < other.end && other.start < end;
    }

    /** True when this hit lies inside {@code other} and is shorter: the longer phrase explains it. */
    boolean insideLonger(Cue other) {
        return other.start <= start && other.end >= end && other.length() > length();
    }
}
