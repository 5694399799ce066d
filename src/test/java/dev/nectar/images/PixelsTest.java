package dev.nectar.images;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PixelsTest {

    @Test
    void theFastLuminancePathMatchesTheColourModel() {
        BufferedImage rgb = TestImages.scene(3, 97, 61);
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = new BufferedImage(rgb.getWidth(), rgb.getHeight(), type);
            image.getGraphics().drawImage(rgb, 0, 0, null);
            float[] luma = Pixels.luma(image);
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 5) {
                    int p = image.getRGB(x, y);
                    // a gray JPEG's samples are its luminance; getRGB would convert them from linear gray
                    double expected = type == BufferedImage.TYPE_BYTE_GRAY ? image.getRaster().getSample(x, y, 0)
                            : 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                    assertThat((double) luma[y * image.getWidth() + x]).as("type %d", type).isCloseTo(expected, within(0.01));
                }
            }
        }
    }

    @Test
    void largeImagesAreDecodedSubsampled() {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(4, 3000, 2000), 0.8f);
        BufferedImage reduced = Pixels.reduced(jpeg, ImageHeaders.read(jpeg, 40_000_000L)).orElseThrow();
        assertThat(reduced.getWidth()).isEqualTo(1000);
        assertThat(reduced.getHeight()).isEqualTo(667);
        assertThat(Pixels.subsampling(1024, 768)).isEqualTo(1);
        assertThat(Pixels.subsampling(4000, 3000)).isEqualTo(4);
    }
}
