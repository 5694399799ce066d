package dev.nectar.images;

import java.util.Arrays;

/**
 * 64-bit DCT perceptual hash (the pHash of phash.org / Python imagehash): the luminance box-averaged to 32 x 32,
 * a 2-D DCT-II, and one bit per coefficient of the 8 x 8 lowest frequencies, set when above their median.
 * Re-encoding, resizing and mild colour changes move few bits; a different photo moves about half of them.
 */
public final class PerceptualHash {
    private static final int N = 32;
    private static final int K = 8;
    private static final double[][] COS = new double[K][N];

    static {
        for (int u = 0; u < K; u++) {
            for (int x = 0; x < N; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * N));
            }
        }
    }

    private PerceptualHash() {
    }

    /** @param luma row-major luminance of a {@code width x height} image, any scale */
    public static long of(float[] luma, int width, int height) {
        double[][] small = boxResize(luma, width, height);
        double[] low = new double[K * K];
        // only the 8 x 8 low frequencies are needed, so the DCT is computed for those alone
        double[][] rows = new double[N][K];
        for (int y = 0; y < N; y++) {
            for (int u = 0; u < K; u++) {
                double sum = 0;
                for (int x = 0; x < N; x++) {
                    sum += small[y][x] * COS[u][x];
                }
                rows[y][u] = sum;
            }
        }
        for (int v = 0; v < K; v++) {
            for (int u = 0; u < K; u++) {
                double sum = 0;
                for (int y = 0; y < N; y++) {
                    sum += rows[y][u] * COS[v][y];
                }
                low[v * K + u] = sum;
            }
        }
        double[] sorted = low.clone();
        Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < K * K; i++) {
            if (low[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static double[][] boxResize(float[] luma, int width, int height) {
        double[][] out = new double[N][N];
        for (int y = 0; y < N; y++) {
            int y0 = y * height / N;
            int y1 = Math.max(y0 + 1, (y + 1) * height / N);
            for (int x = 0; x < N; x++) {
                int x0 = x * width / N;
                int x1 = Math.max(x0 + 1, (x + 1) * width / N);
                double sum = 0;
                for (int yy = y0; yy < y1 && yy < height; yy++) {
                    for (int xx = x0; xx < x1 && xx < width; xx++) {
                        sum += luma[yy * width + xx];
                    }
                }
                out[y][x] = sum / ((double) (Math.min(y1, height) - y0) * (Math.min(x1, width) - x0));
            }
        }
        return out;
    }
}
