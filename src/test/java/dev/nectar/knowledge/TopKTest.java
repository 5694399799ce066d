package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {

    @Test
    void theLargestScoresComeFirstAndTheFloorIsExclusive() {
        double[] scores = {0.2, 0.9, 0.0, 0.5, 0.9, 0.1};

        assertThat(TopK.positions(scores, 3, Double.NEGATIVE_INFINITY)).containsExactly(1, 4, 3);
        assertThat(TopK.positions(scores, 10, 0)).containsExactly(1, 4, 3, 0, 5);
        assertThat(TopK.positions(scores, 0, 0)).isEmpty();
        assertThat(TopK.positions(new double[0], 5, 0)).isEmpty();
    }
}
