package dev.nectar.knowledge;

import java.util.Arrays;

/** The positions of the k largest scores, best first, without sorting or boxing the whole array. */
final class TopK {

    private TopK() {
    }

    /** Positions whose score is above {@code floor}, at most k of them, by descending score. */
    static int[] positions(double[] scores, int k, double floor) {
        int size = Math.min(k, scores.length);
        int[] best = new int[size];
        double[] bestScore = new double[size];
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i];
            if (score <= floor || (filled == size && (size == 0 || score <= bestScore[size - 1]))) {
                continue;
            }
            int j = filled < size ? filled++ : size - 1;
            while (j > 0 && bestScore[j - 1] < score) {
                best[j] = best[j - 1];
                bestScore[j] = bestScore[j - 1];
                j--;
            }
            best[j] = i;
            bestScore[j] = score;
        }
        return Arrays.copyOf(best, filled);
    }
}
