package dev.nectar.images;

import java.util.List;

/**
 * What the container structure of an upload says, read without decoding a pixel.
 *
 * @param provenance raw JUMBF/C2PA payloads found on the way (JPEG APP11, PNG caBX, WebP C2PA chunks)
 */
public record ImageHeader(ImageFormat format, int width, int height, List<byte[]> provenance) {

    public long pixels() {
        return (long) width * height;
    }
}
