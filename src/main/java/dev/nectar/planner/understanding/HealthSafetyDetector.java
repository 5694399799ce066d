package dev.nectar.planner.understanding;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Health or safety trouble: a symptom (呕吐, 拉肚子, 起红疹, 又痒又疼) and its subject (猫 → 宠物, 宝宝/奶粉 → 母婴,
 * 面霜 or a face after applying something → 美妆). When the text names no subject, the orders or products the message
 * refers to supply the category (an order id plus 吃了一直吐, where that order holds cat food).
 */
public final class HealthSafetyDetector {
    private final Lexicon lexicon;

    public HealthSafetyDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Optional<HealthSafety> detect(NormalizedText text) {
        return detect(text, List.of());
    }

    /**
     * @param context titles and categories of what the message refers to, most relevant first; used only when the
     *                text itself names no subject
     */
    public Optional<HealthSafety> detect(NormalizedText text, Collection<String> context) {
        List<Cue> symptoms = lexicon.healthSymptoms.find(text.folded());
        if (symptoms.isEmpty()) {
            return Optional.empty();
        }
        Cue symptom = symptoms.get(0);
        // the heaviest subject wins (a baby's reaction to a cream is the baby skill's); among equals the nearest
        Optional<Cue> subject = lexicon.healthSubjects.find(text.folded()).stream()
                .max(Comparator.comparingInt(Cue::weight)
                        .thenComparing(Comparator.comparingInt((Cue c) -> Math.abs(c.start() - symptom.start())).reversed()));
        Optional<String> hint = subject.map(Cue::label).or(() -> context.stream()
                .map(description -> CueTable.strongest(lexicon.healthSubjects.find(lexicon.normalizer.normalize(description).folded())))
                .flatMap(Optional::stream)
                .map(Cue::label)
                .findFirst());
        return Optional.of(new HealthSafety(symptom, subject, hint));
    }
}
