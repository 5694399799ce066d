package dev.nectar.images;

/** The image types a buyer may upload, recognised by their magic bytes. */
public enum ImageFormat {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp"), GIF("image/gif");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
