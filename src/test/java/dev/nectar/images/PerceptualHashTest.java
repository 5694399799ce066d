package dev.nectar.images;

import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class PerceptualHashTest {
    private static final int SAME = 10;

    @Test
    void reEncodingAndResizingKeepTheHashClose() {
        for (int seed = 0; seed < 5; seed++) {
            BufferedImage photo = TestImages.scene(seed, 800, 600);
            long original = hash(TestImages.jpeg(photo, 0.95f));
            assertThat(PerceptualHash.distance(original, hash(TestImages.jpeg(photo, 0.5f)))).isLessThanOrEqualTo(SAME);
            assertThat(PerceptualHash.distance(original, hash(TestImages.encode(photo, "png")))).isLessThanOrEqualTo(SAME);
            assertThat(PerceptualHash.distance(original, hash(TestImages.jpeg(resize(photo, 400, 300), 0.8f))))
                    .isLessThanOrEqualTo(SAME);
        }
    }

    @Test
    void differentPhotosAreFarApart() {
        for (int seed = 0; seed < 8; seed++) {
            long a = hash(TestImages.jpeg(TestImages.scene(seed, 640, 480), 0.9f));
            long b = hash(TestImages.jpeg(TestImages.scene(seed + 1000, 640, 480), 0.9f));
            assertThat(PerceptualHash.distance(a, b)).as("seed %d", seed).isGreaterThan(SAME);
        }
    }

    private static long hash(byte[] bytes) {
        BufferedImage image = Pixels.reduced(bytes, ImageHeaders.read(bytes, 40_000_000L)).orElseThrow();
        return PerceptualHash.of(Pixels.luma(image), image.getWidth(), image.getHeight());
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
