package dev.nectar.images;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Error level analysis: re-save the JPEG at quality 0.75 and measure how much each area changes. Areas with one
 * compression history change alike; a pasted area that went through a different (usually coarser) compression
 * changes less than the rest. The error is divided by local texture, since detail alone raises it, and compared
 * region by region (a 6 x 6 grid) against the image's median.
 * <p>
 * Limits (why the signal is weak): it needs the original 8 x 8 block grid, so it runs only on JPEGs that
 * {@link Pixels} decodes without subsampling (longest side up to 1024 px, typical of photos a chat app has already
 * downscaled); on a subsampled copy splices measured no different from clean photos. It is blind when the last save
 * was at about 0.8 or below (re-saving then changes next to nothing, and the analysis abstains), to edits re-saved
 * many times, and to flat regions, which are left out. On generated camera-like JPEGs (qualities 0.7-0.98) clean
 * images scored 1.0-1.4 and block-aligned splices of a low-quality source saved at 0.9 or above 2.5-6; the
 * threshold 2.5 sits above every clean image, and the weight (0.1, 0.2 from 5.0) can never reach SUSPICIOUS alone.
 */
public final class ErrorLevelAnalysis {
    static final double THRESHOLD = 2.5;
    static final double WEIGHT = 0.1;
    static final double STRONGER_WEIGHT = 0.2;
    private static final float QUALITY = 0.75f;
    private static final int BLOCK = 16;
    private static final int REGIONS = 6;
    private static final double MIN_TEXTURE = 3.0;
    private static final int MIN_BLOCKS_PER_REGION = 4;
    private static final double MIN_ERROR = 0.5;
    private static final double MAX_RATIO = 10;

    private ErrorLevelAnalysis() {
    }

    /** @param luma {@link Pixels#luma} of {@code reduced} */
    public static Optional<Signal> signal(BufferedImage reduced, float[] luma) {
        double score = inconsistency(reduced, luma);
        if (score < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(Signal.weak("ela_inconsistency", String.format(Locale.ROOT,
                "one area re-compresses %.1fx differently from the rest (error level analysis)", score),
                score >= 2 * THRESHOLD ? STRONGER_WEIGHT : WEIGHT));
    }

    /** Largest ratio between one region's texture-normalised error level and the median region's, 1 when uniform. */
    static double inconsistency(BufferedImage image, float[] a) {
        return inconsistency(image, a, QUALITY);
    }

    static double inconsistency(BufferedImage image, float[] a, float quality) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < BLOCK * REGIONS || h < BLOCK * REGIONS) {
            return 1;
        }
        BufferedImage resaved = resave(image, quality);
        if (resaved == null) {
            return 1;
        }
        float[] b = Pixels.luma(resaved);
        int bw = w / BLOCK;
        int bh = h / BLOCK;
        List<Double> errors = new ArrayList<>();
        List<List<Double>> regions = new ArrayList<>();
        for (int i = 0; i < REGIONS * REGIONS; i++) {
            regions.add(new ArrayList<>());
        }
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double err = 0;
                double texture = 0;
                for (int y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
                    for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
                        int i = y * w + x;
                        err += Math.abs(a[i] - b[i]);
                        if (x + 1 < w && y + 1 < h) {
                            texture += Math.abs(a[i + 1] - a[i]) + Math.abs(a[i + w] - a[i]);
                        }
                    }
                }
                err /= BLOCK * BLOCK;
                texture /= BLOCK * BLOCK;
                if (texture >= MIN_TEXTURE) {
                    errors.add(err);
                    int region = (by * REGIONS / bh) * REGIONS + bx * REGIONS / bw;
                    regions.get(region).add(err / texture);
                }
            }
        }
        if (errors.isEmpty() || median(errors) < MIN_ERROR) {
            return 1; // re-saving changed next to nothing: the last save used this quality, which hides history
        }
        double[] levels = regions.stream().filter(r -> r.size() >= MIN_BLOCKS_PER_REGION)
                .mapToDouble(ErrorLevelAnalysis::median).toArray();
        if (levels.length < 4) {
            return 1;
        }
        double median = median(Arrays.stream(levels).boxed().toList());
        if (median <= 0) {
            return 1;
        }
        double worst = 1;
        for (double level : levels) {
            worst = Math.max(worst, Math.max(level / median, median / Math.max(level, median / MAX_RATIO)));
        }
        return worst;
    }

    private static BufferedImage resave(BufferedImage image, float quality) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            return null;
        } finally {
            writer.dispose();
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            return null;
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
