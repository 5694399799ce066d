package dev.nectar.planner.embedded;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The "not sure" band: when the bot asks which of two things is meant instead of guessing. */
class InterpretationTest {
    private static Interpreter.Interpretation reading(DecisionFeatures.Evidence evidence, Object... ranked) {
        List<Map.Entry<String, Double>> intents = new java.util.ArrayList<>();
        for (int i = 0; i < ranked.length; i += 2) {
            intents.add(Map.entry((String) ranked[i], (Double) ranked[i + 1]));
        }
        return new Interpreter.Interpretation(intents, null, null, evidence, false, false, Optional.empty());
    }

    @Test
    void twoCloseUnsureToolIntentsAreAskedAbout() {
        var in = reading(DecisionFeatures.Evidence.NONE, "logistics", 0.36, "after_sale", 0.31, "knowledge", 0.2);
        assertThat(in.unsure("logistics")).contains(List.of("logistics", "after_sale"));
    }

    @Test
    void aSureOrAClearlyLeadingIntentIsNotAskedAbout() {
        assertThat(reading(DecisionFeatures.Evidence.NONE, "logistics", 0.55, "after_sale", 0.4).unsure("logistics")).isEmpty();
        assertThat(reading(DecisionFeatures.Evidence.NONE, "logistics", 0.38, "after_sale", 0.2).unsure("logistics")).isEmpty();
    }

    @Test
    void knowledgeIsNeverAskedAboutAndADocumentAnswerWins() {
        assertThat(reading(DecisionFeatures.Evidence.NONE, "logistics", 0.36, "knowledge", 0.33).unsure("logistics")).isEmpty();
        assertThat(reading(DecisionFeatures.Evidence.NONE, "knowledge", 0.36, "logistics", 0.33).unsure("knowledge")).isEmpty();
        var answered = new DecisionFeatures.Evidence(0.6, true, true);
        assertThat(reading(answered, "order", 0.36, "logistics", 0.33).unsure("order")).isEmpty();
    }
}
