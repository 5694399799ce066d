package dev.nectar.bench;

import java.util.Arrays;

/** Percentiles of a set of samples (nearest rank). */
final class Stats {
    private final double[] sorted;

    Stats(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    static Stats of(java.util.Collection<Double> samples) {
        return new Stats(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int count() {
        return sorted.length;
    }

    double p(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
