package dev.nectar.images;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictRuleTest {

    @Test
    void noSignalsIsAuthenticWithScoreZero() {
        Verification v = VerdictRule.decide("i", List.of(), 0.5);
        assertThat(v.verdict()).isEqualTo(Verdict.AUTHENTIC);
        assertThat(v.score()).isZero();
    }

    @Test
    void anyStrongSignalIsFake() {
        Verification v = VerdictRule.decide("i", List.of(Signal.weak("missing_camera_metadata", "", 0.15),
                Signal.strong("ai_generator_metadata", "", 0.95)), 0.5);
        assertThat(v.verdict()).isEqualTo(Verdict.FAKE);
        assertThat(v.score()).isBetween(0.95, 1.0);
        assertThat(v.signals().get(0).name()).isEqualTo("ai_generator_metadata");
    }

    @Test
    void weightsCombineAsIndependentEvidenceUpToTheThreshold() {
        Verification below = VerdictRule.decide("i", List.of(Signal.weak("a", "", 0.3), Signal.weak("b", "", 0.2)), 0.5);
        assertThat(below.score()).isEqualTo(0.44);
        assertThat(below.verdict()).isEqualTo(Verdict.AUTHENTIC);
        Verification above = VerdictRule.decide("i", List.of(Signal.weak("a", "", 0.3), Signal.weak("b", "", 0.3)), 0.5);
        assertThat(above.score()).isEqualTo(0.51);
        assertThat(above.verdict()).isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void allWeakImageSignalsTogetherStayAuthentic() {
        Verification v = VerdictRule.decide("i", List.of(
                Signal.weak("missing_camera_metadata", "", MetadataInspector.NO_CAMERA_WEIGHT),
                Signal.weak("ela_inconsistency", "", ErrorLevelAnalysis.STRONGER_WEIGHT)), 0.5);
        assertThat(v.verdict()).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void scoreStaysWithinZeroAndOne() {
        Verification v = VerdictRule.decide("i", List.of(Signal.weak("a", "", 1.7), Signal.weak("b", "", -1)), 0.5);
        assertThat(v.score()).isEqualTo(1.0);
    }
}
