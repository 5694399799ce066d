package dev.nectar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;

/**
 * What a node under steady load keeps: its old generation (what survived collections), its live threads and its open files, read
 * from {@code /q/metrics} while the load runs, and the least-squares slope of each per minute. Flat means no leak.
 */
final class Soak {
    record Sample(double minutes, double oldGenMb, double threads, double openFiles) {
    }

    private final Api api;
    private final long every;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    /** Starts sampling every {@code everyMillis} until {@link #stop}. */
    Soak(Api api, long everyMillis) {
        this.api = api;
        this.every = everyMillis;
        long t0 = System.nanoTime();
        this.sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    String m = api.metrics();
                    synchronized (samples) {
                        samples.add(new Sample((System.nanoTime() - t0) / 60e9, old(m) / 1e6,
                                value(m, "jvm_threads_live_threads"), value(m, "process_files_open_files")));
                    }
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample is a gap, not a failure of the run
                }
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    List<Sample> stop() throws InterruptedException {
        running.set(false);
        sampler.interrupt();
        sampler.join(every * 2);
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * The slope per minute of one measure, over the samples after the first fifth of the run (the JIT and the caches
     * fill up first).
     */
    static double slope(List<Sample> all, ToDoubleFunction<Sample> measure) {
        List<Sample> s = all.subList(all.size() / 5, all.size());
        if (s.size() < 2) {
            return 0;
        }
        double mx = s.stream().mapToDouble(Sample::minutes).average().orElse(0);
        double my = s.stream().mapToDouble(measure).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample p : s) {
            num += (p.minutes() - mx) * (measure.applyAsDouble(p) - my);
            den += (p.minutes() - mx) * (p.minutes() - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    /** The heap's old generation in use (G1 Old Gen, or whatever the collector calls its tenured space). */
    private static double old(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\"")
                        && (l.contains("Old Gen") || l.contains("Tenured")))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A gauge's value: the sum of its samples, with or without labels. */
    private static double value(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
