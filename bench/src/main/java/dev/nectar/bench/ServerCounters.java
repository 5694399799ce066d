package dev.nectar.bench;

/**
 * A node's counters from {@code /q/metrics} that explain a chat run: single-text embeddings served by its cache or
 * computed, and the time its understanding took ({@code nectar_understanding_seconds}: the lexicons and slots, then
 * the decision model with the message's embedding and the knowledge evidence). Subtract two readings for a run.
 */
record ServerCounters(double cacheHits, double cacheMisses, double understandSeconds, double interpretSeconds,
                      double interpretations) {

    static ServerCounters read(Api api) {
        String metrics;
        try {
            metrics = api.metrics();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read /q/metrics", e);
        }
        return new ServerCounters(sum(metrics, "nectar_embedding_cache_total", "result=\"hit\""),
                sum(metrics, "nectar_embedding_cache_total", "result=\"miss\""),
                sum(metrics, "nectar_understanding_seconds_sum", "step=\"understand\""),
                sum(metrics, "nectar_understanding_seconds_sum", "step=\"interpret\""),
                sum(metrics, "nectar_understanding_seconds_count", "step=\"interpret\""));
    }

    ServerCounters minus(ServerCounters before) {
        return new ServerCounters(cacheHits - before.cacheHits, cacheMisses - before.cacheMisses,
                understandSeconds - before.understandSeconds, interpretSeconds - before.interpretSeconds,
                interpretations - before.interpretations);
    }

    /** Milliseconds of understanding per understood message, both steps. */
    double understandingMsPerTurn() {
        return 1000 * (understandSeconds + interpretSeconds) / Math.max(1, interpretations);
    }

    /** The sum of a metric's samples (0 when absent) whose labels include {@code label}. */
    private static double sum(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
