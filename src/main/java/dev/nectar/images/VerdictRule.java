package dev.nectar.images;

import java.util.Comparator;
import java.util.List;

/**
 * Turns signals into a verdict. Weights combine as independent evidence (noisy-OR): score = 1 - Π(1 - weight).
 * Any strong signal (an AI generator's own marker) makes the photo FAKE; otherwise a score at or above the threshold
 * makes it SUSPICIOUS; otherwise it is AUTHENTIC. Weak signals (missing camera data 0.15, ELA at most 0.2) cannot
 * reach the default threshold of 0.5 on their own or together, so honest photos are not held up by them.
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    public static Verification decide(String imageId, List<Signal> signals, double threshold) {
        double keep = 1;
        boolean strong = false;
        for (Signal s : signals) {
            keep *= 1 - Math.max(0, Math.min(1, s.weight()));
            strong |= s.strong();
        }
        double score = Math.round((1 - keep) * 1000) / 1000.0;
        Verdict verdict = strong ? Verdict.FAKE : score >= threshold ? Verdict.SUSPICIOUS : Verdict.AUTHENTIC;
        List<Signal> ordered = signals.stream().sorted(Comparator.comparingDouble(Signal::weight).reversed()).toList();
        return new Verification(imageId, verdict, score, ordered);
    }
}
