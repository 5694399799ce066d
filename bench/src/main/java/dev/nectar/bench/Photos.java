package dev.nectar.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A camera-sized photo and the floor of verifying it: decoding it the way the server does (subsampled to ~1024 px). */
final class Photos {
    private Photos() {
    }

    /** A JPEG (quality 0.92) of a smooth scene with sensor-like noise, so it compresses like a photo. */
    static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (int) (90 + 60 * Math.sin(x / 170.0) + 40 * Math.cos(y / 130.0));
                int n = r.nextInt(24) - 12;
                int red = clamp(base + 30 + n);
                int green = clamp(base + n);
                int blue = clamp(base - 20 + n);
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Milliseconds to decode the JPEG subsampled so its longest side is at most 1024 px. */
    static Stats decodeFloor(byte[] jpeg, int runs) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                int step = (int) Math.ceil(Math.max(reader.getWidth(0), reader.getHeight(0)) / 1024.0);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                reader.dispose();
            }
            if (i >= 3) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return Stats.of(ms);
    }
}
