package dev.nectar.images;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorLevelAnalysisTest {

    @Test
    void uniformlyCompressedPhotosAreNotFlagged() {
        for (int seed = 0; seed < 6; seed++) {
            for (float quality : new float[]{0.7f, 0.8f, 0.9f, 0.95f, 0.98f}) {
                byte[] jpeg = TestImages.jpeg(TestImages.scene(seed, 480 + 64 * seed, 360 + 32 * seed), quality);
                assertThat(signal(jpeg)).as("seed %d quality %.2f", seed, quality).isNull();
            }
        }
    }

    @Test
    void aPastedAreaWithAnotherCompressionHistoryIsFlagged() throws IOException {
        int flagged = 0;
        for (int seed = 0; seed < 6; seed++) {
            int w = 480 + 64 * seed;
            int h = 360 + 32 * seed;
            BufferedImage photo = TestImages.scene(seed, w, h);
            BufferedImage donor = ImageIO.read(new ByteArrayInputStream(TestImages.jpeg(TestImages.scene(seed + 50, w, h), 0.3f)));
            Graphics2D g = photo.createGraphics();
            g.drawImage(donor.getSubimage(0, 0, w / 3 / 8 * 8, h / 3 / 8 * 8), w / 3 / 8 * 8, h / 3 / 8 * 8, null);
            g.dispose();
            Signal s = signal(TestImages.jpeg(photo, 0.92f));
            if (s != null) {
                assertThat(s.name()).isEqualTo("ela_inconsistency");
                assertThat(s.weight()).isLessThanOrEqualTo(ErrorLevelAnalysis.STRONGER_WEIGHT);
                flagged++;
            }
        }
        // a weak signal by design: most, not necessarily all, block-aligned splices are seen
        assertThat(flagged).isGreaterThanOrEqualTo(5);
    }

    @Test
    void largePhotosDecodedWithSubsamplingAreNotAnalysed() {
        byte[] big = TestImages.jpeg(TestImages.scene(1, 2200, 1400), 0.92f);
        ImageAnalyzer.Analysis a = ImageAnalyzer.analyze(big, 40_000_000L, ZoneOffset.UTC);
        assertThat(a.phash()).isNotNull();
        assertThat(a.signals()).extracting(Signal::name).doesNotContain("ela_inconsistency");
    }

    private static Signal signal(byte[] jpeg) {
        BufferedImage image = Pixels.reduced(jpeg, ImageHeaders.read(jpeg, 40_000_000L)).orElseThrow();
        return ErrorLevelAnalysis.signal(image, Pixels.luma(image)).orElse(null);
    }
}
