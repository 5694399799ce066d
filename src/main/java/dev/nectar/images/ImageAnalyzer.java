package dev.nectar.images;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Everything the image alone shows: container checks, metadata signals, content hashes and ELA. CPU-light by
 * construction: the header walk is one pass over the bytes, metadata stops before the pixel data, and pixels are
 * decoded once, subsampled.
 */
public final class ImageAnalyzer {

    private ImageAnalyzer() {
    }

    /**
     * @param sha256     hex digest of the bytes (exact duplicates, and the only hash of undecodable formats)
     * @param phash      64-bit perceptual hash, null when the pixels could not be decoded
     * @param capturedAt EXIF DateTimeOriginal, null when absent
     */
    public record Analysis(ImageHeader header, String sha256, Long phash, OffsetDateTime capturedAt, List<Signal> signals) {
    }

    /** @throws dev.nectar.platform.ApiException 413/415 for oversized, unsupported or corrupt images */
    public static Analysis analyze(byte[] bytes, long maxPixels, ZoneId exifZone) {
        ImageHeader header = ImageHeaders.read(bytes, maxPixels);
        MetadataInspector.Inspection inspection = MetadataInspector.inspect(bytes, header, exifZone);
        List<Signal> signals = new ArrayList<>(inspection.signals());
        Long phash = null;
        Optional<BufferedImage> reduced = Pixels.reduced(bytes, header);
        if (reduced.isPresent()) {
            BufferedImage image = reduced.get();
            float[] luma = Pixels.luma(image);
            phash = PerceptualHash.of(luma, image.getWidth(), image.getHeight());
            // ELA needs the original 8 x 8 block grid, which a subsampled copy no longer has
            if (header.format() == ImageFormat.JPEG && image.getWidth() == header.width()) {
                ErrorLevelAnalysis.signal(image, luma).ifPresent(signals::add);
            }
        }
        return new Analysis(header, sha256(bytes), phash, inspection.capturedAt(), signals);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
