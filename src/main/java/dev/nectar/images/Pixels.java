package dev.nectar.images;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * A reduced copy of an image for pHash and ELA: ImageIO decodes with source subsampling, so no full-resolution
 * raster is ever allocated (a 12 MP JPEG becomes about 1000 x 750). WebP has no ImageIO reader in the JDK and
 * stays undecoded; so does anything ImageIO cannot read (CMYK JPEGs, for one), which only costs the pixel signals.
 */
public final class Pixels {
    /** Longest side of the reduced copy; enough for ELA statistics and far more than pHash needs. */
    static final int TARGET_SIDE = 1024;

    private Pixels() {
    }

    public static Optional<BufferedImage> reduced(byte[] bytes, ImageHeader header) {
        if (header.format() == ImageFormat.WEBP) {
            return Optional.empty();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(header.format().mediaType());
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(header.width(), header.height());
            param.setSourceSubsampling(step, step, 0, 0);
            return Optional.of(reader.read(0, param));
        } catch (Exception e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }

    static int subsampling(int width, int height) {
        return Math.max(1, (Math.max(width, height) + TARGET_SIDE - 1) / TARGET_SIDE);
    }

    /** Row-major luminance (ITU-R BT.601), 0..255. */
    public static float[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        // fast path for what the JPEG reader returns; getRGB goes through the colour model pixel by pixel
        if (image.getRaster().getDataBuffer() instanceof DataBufferByte buffer && image.getRaster().getParent() == null) {
            byte[] d = buffer.getData();
            if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && d.length == 3 * n) {
                float[] out = new float[n];
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    out[i] = 0.114f * (d[j] & 0xFF) + 0.587f * (d[j + 1] & 0xFF) + 0.299f * (d[j + 2] & 0xFF);
                }
                return out;
            }
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && d.length == n) {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = d[i] & 0xFF;
                }
                return out;
            }
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            out[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        return out;
    }
}
