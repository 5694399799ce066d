package dev.nectar.images;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification latency of what runs on every upload (header walk, metadata, subsampled decode, pHash, ELA where it
 * applies, verdict), without HTTP or storage. Not part of the build: surefire only runs classes named *Test.
 * Run it with {@code mvn -B -o test -Dtest=ImageVerificationBenchmark}; figures are in docs/images.md.
 */
class ImageVerificationBenchmark {
    private static final int WARM_UP = 15;
    private static final int RUNS = 60;

    @Test
    void twelveMegapixelJpeg() {
        report("12 MP JPEG 4000x3000 q0.92 with EXIF", photo(4000, 3000));
    }

    @Test
    void chatSizedJpegWithEla() {
        report("1 MP JPEG 1024x768 q0.92 with EXIF (ELA runs)", photo(1024, 768));
    }

    private static byte[] photo(int width, int height) {
        return TestImages.withExif(TestImages.jpeg(TestImages.scene(7, width, height), 0.92f),
                Map.of(TestImages.MAKE, "Xiaomi", TestImages.MODEL, "14", TestImages.DATE_TIME, "2026:05:01 10:00:00"),
                Map.of(TestImages.DATE_TIME_ORIGINAL, "2026:05:01 10:00:00"));
    }

    private static void report(String label, byte[] bytes) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (int i = 0; i < WARM_UP; i++) {
            verify(bytes, zone);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[RUNS];
        long[] cpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            Verification v = verify(bytes, zone);
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            assertThat(v.verdict()).isEqualTo(Verdict.AUTHENTIC);
        }
        // CPU time is what one verification costs a core; wall time adds waiting for a core on a busy machine
        System.out.printf(Locale.ROOT, "BENCHMARK %s: %d bytes, %d runs, %d cores, load average %.1f%n"
                        + "BENCHMARK   wall p50 %.1f ms, p95 %.1f ms, max %.1f ms | cpu p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                label, bytes.length, RUNS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                percentile(wall, 0.5), percentile(wall, 0.95), percentile(wall, 1), percentile(cpu, 0.5),
                percentile(cpu, 0.95), percentile(cpu, 1));
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
    }

    private static Verification verify(byte[] bytes, ZoneId zone) {
        ImageAnalyzer.Analysis a = ImageAnalyzer.analyze(bytes, 40_000_000L, zone);
        return VerdictRule.decide("bench", a.signals(), 0.5);
    }
}
