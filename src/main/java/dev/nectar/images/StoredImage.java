package dev.nectar.images;

import java.time.OffsetDateTime;

/**
 * An uploaded image's metadata; the bytes stay in the {@link ImageStore}.
 *
 * @param phash      64-bit DCT perceptual hash, null when the pixels could not be decoded (e.g. WebP)
 * @param capturedAt EXIF DateTimeOriginal, null when the image does not say
 */
public record StoredImage(String merchantId, String buyerId, String imageId, ImageFormat format, int width, int height,
                          long sizeBytes, String sha256, Long phash, OffsetDateTime capturedAt, OffsetDateTime createdAt) {
}
