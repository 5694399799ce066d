package dev.nectar.images;

import dev.nectar.platform.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.nectar.images.TestImages.scene;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHeadersTest {
    private static final long MAX = 40_000_000L;

    @Test
    void readsTheSizeOfEachFormatFromItsHeader() {
        assertHeader(TestImages.jpeg(scene(1, 320, 200), 0.8f), ImageFormat.JPEG, 320, 200);
        assertHeader(TestImages.encode(scene(2, 123, 45), "png"), ImageFormat.PNG, 123, 45);
        assertHeader(TestImages.encode(scene(3, 64, 80), "gif"), ImageFormat.GIF, 64, 80);
        assertHeader(TestImages.webpLossless(300, 7), ImageFormat.WEBP, 300, 7);
        assertHeader(TestImages.webpLossy(1920, 1080), ImageFormat.WEBP, 1920, 1080);
    }

    @Test
    void theMagicBytesDecideNotTheName() {
        assertRejected(TestImages.zip(), 415, "UNSUPPORTED_TYPE");
        assertRejected("<html><body>hi</body></html>".getBytes(), 415, "UNSUPPORTED_TYPE");
        assertRejected(new byte[0], 415, "UNSUPPORTED_TYPE");
        assertRejected(new byte[]{(byte) 0xFF, (byte) 0xD8}, 415, "UNSUPPORTED_TYPE");
    }

    @Test
    void truncatedImagesAreCorrupt() {
        byte[] jpeg = TestImages.jpeg(scene(4, 320, 240), 0.9f);
        assertRejected(Arrays.copyOf(jpeg, jpeg.length / 2), 415, "CORRUPT_IMAGE");
        assertRejected(Arrays.copyOf(jpeg, 30), 415, "CORRUPT_IMAGE");
        byte[] png = TestImages.encode(scene(5, 200, 100), "png");
        assertRejected(Arrays.copyOf(png, png.length - 20), 415, "CORRUPT_IMAGE");
        byte[] gif = TestImages.encode(scene(6, 100, 100), "gif");
        assertRejected(Arrays.copyOf(gif, gif.length / 2), 415, "CORRUPT_IMAGE");
        byte[] webp = TestImages.webpLossless(10, 10);
        assertRejected(Arrays.copyOf(webp, webp.length - 4), 415, "CORRUPT_IMAGE");
    }

    @Test
    void aDamagedChunkFailsItsCrc() {
        byte[] png = TestImages.encode(scene(7, 100, 100), "png");
        png[45] ^= 0x55; // inside the first IDAT
        assertRejected(png, 415, "CORRUPT_IMAGE");
    }

    @Test
    void bombsAreRefusedFromTheHeaderAlone() {
        assertRejected(TestImages.pngHeaderOnly(50_000, 50_000), 413, "TOO_LARGE");
        assertRejected(TestImages.webpExtended(16_000, 16_000), 413, "TOO_LARGE");
        byte[] jpeg = TestImages.jpeg(scene(8, 64, 64), 0.8f);
        assertRejected(withJpegSize(jpeg, 65_000, 65_000), 413, "TOO_LARGE");
        byte[] gif = TestImages.encode(scene(9, 32, 32), "gif");
        gif[6] = (byte) 0xFF;
        gif[7] = (byte) 0xFF;
        gif[8] = (byte) 0xFF;
        gif[9] = (byte) 0xFF;
        assertRejected(gif, 413, "TOO_LARGE");
    }

    @Test
    void aZipBombInPngMetadataIsRefusedBeforeTheMetadataReaderInflatesIt() {
        byte[] png = TestImages.encode(scene(11, 32, 32), "png");
        byte[] bomb = TestImages.withPngChunk(png, "zTXt", TestImages.zTXt("Comment", "A".repeat(9 * 1024 * 1024)));
        assertThat(bomb.length).isLessThan(100_000);
        assertRejected(bomb, 413, "TOO_LARGE");
        byte[] modest = TestImages.withPngChunk(png, "zTXt", TestImages.zTXt("Comment", "B".repeat(100_000)));
        assertThat(ImageHeaders.read(modest, MAX).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void aSizeWithinTheLimitPasses() {
        assertHeader(TestImages.jpeg(scene(10, 64, 64), 0.8f), ImageFormat.JPEG, 64, 64);
        assertThat(ImageHeaders.read(TestImages.webpExtended(6000, 6000), MAX).pixels()).isEqualTo(36_000_000L);
    }

    /** Rewrites the SOF0 frame size: the header now declares a bomb while the data stays small. */
    private static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i < out.length - 9; i++) {
            if ((out[i] & 0xFF) == 0xFF && (out[i + 1] & 0xFF) == 0xC0) {
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
        }
        throw new IllegalStateException("no SOF0");
    }

    private static void assertHeader(byte[] bytes, ImageFormat format, int width, int height) {
        ImageHeader h = ImageHeaders.read(bytes, MAX);
        assertThat(h.format()).isEqualTo(format);
        assertThat(h.width()).isEqualTo(width);
        assertThat(h.height()).isEqualTo(height);
    }

    private static void assertRejected(byte[] bytes, int status, String code) {
        assertThatThrownBy(() -> ImageHeaders.read(bytes, MAX)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
