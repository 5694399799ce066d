package dev.nectar.corpus;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Acceptance 1 of issue 15, measured: the held-out shops of split.json (never trained or calibrated on) through the
 * packaged server, embedded planner. Their labelled utterances are judged per intent ({@link UtteranceJudge}), their
 * multi-turn conversations (cases.jsonl) run through ../shared/eval/run-eval.mjs. Prints the tables and writes
 * target/corpus-report/heldOut.json (failures included: read them to understand a kind of failure, never to tune on
 * a held-out sentence).
 *
 * <p>The floors below are REGRESSION floors, not the goal: the level measured when this test was written (engine of
 * commit 575d061, measured twice with identical results), rounded down to the nearest 5%. The target is 95% for
 * the conversations and 95% for every intent; the lead raises the floors as the engine improves, and they are never
 * lowered to make a change pass.
 */
class CorpusHeldOutIT {
    /** Multi-turn conversations (cases.jsonl) of all held-out shops together. Target 0.95. */
    static final double CONVERSATIONS_FLOOR = 0.88; // measured 244/270 = 90.4% (79.3% before this work)
    /** All labelled utterances together. Target 0.95. */
    static final double UTTERANCES_FLOOR = 0.83; // measured 1154/1367 = 84.4% (75.4% before this work)
    /** Labelled utterances per intent. Target 0.95 each. */
    static final Map<String, Double> INTENT_FLOORS = Map.of(
            "knowledge", 0.83, //  341/399 = 85.5% (69.7% before this work)
            "recommend", 0.71, //  146/201 = 72.6% (64.7% before this work)
            "order", 0.95, //       65/67 = 97.0% (was 61.2%)
            "logistics", 0.92, //  142/150 = 94.7%
            "after_sale", 0.72, // 197/267 = 73.8% (71.2% before this work)
            "cancel", 0.94, //      81/84 = 96.4%
            "handoff", 0.87, //   117/131 = 89.3% (was 90.1%: a regression, see docs/planner.md)
            "smalltalk", 0.95, //   40/41 = 97.6%
            "injection", 0.90); //  25/27 = 92.6%

    @Test
    void heldOutShopsStayAboveTheirFloors() throws Exception {
        UtteranceRun.Report r = UtteranceRun.measure("heldOut", Corpus.heldOut());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(r.outcomes().stream().filter(o -> o.got().contains("RATE_LIMITED")).count())
                .as("utterances answered RATE_LIMITED (a measurement artefact, not the engine)").isZero();
        soft.assertThat(r.conversations().n()).as("held-out conversations run").isGreaterThan(0);
        soft.assertThat(r.conversations().accuracy()).as("held-out conversations").isGreaterThanOrEqualTo(CONVERSATIONS_FLOOR);
        soft.assertThat(r.overall().accuracy()).as("held-out utterances, all intents").isGreaterThanOrEqualTo(UTTERANCES_FLOOR);
        soft.assertThat(r.byIntent().keySet()).as("intents measured").containsExactlyInAnyOrderElementsOf(INTENT_FLOORS.keySet());
        r.byIntent().forEach((intent, t) -> soft.assertThat(t.accuracy()).as("held-out utterances, intent " + intent)
                .isGreaterThanOrEqualTo(INTENT_FLOORS.getOrDefault(intent, 0.95)));
        soft.assertAll();
    }
}
