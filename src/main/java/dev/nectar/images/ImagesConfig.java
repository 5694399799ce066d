package dev.nectar.images;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of photo verification ({@code nectar.images.*}). Size and pixel limits of uploads are in
 * {@code nectar.limits}; these keys tune the verdict and the optional external detector.
 */
@ConfigMapping(prefix = "nectar.images")
public interface ImagesConfig {

    /** Score from which a photo without a strong AI marker is SUSPICIOUS. */
    @WithDefault("0.5")
    double suspiciousThreshold();

    /** Largest Hamming distance between two 64-bit pHashes that still counts as the same photo. */
    @WithDefault("10")
    int reuseDistance();

    /** How much earlier than the order's delivery a capture time may be before it counts (camera clocks drift). */
    @WithDefault("PT1H")
    Duration captureTolerance();

    /** Zone of EXIF times that carry no offset of their own (EXIF 2.31 OffsetTimeOriginal absent). */
    @WithDefault("Asia/Shanghai")
    String exifZone();

    Detector detector();

    /** An external AI-image detector over HTTP; off while {@code url} is absent. */
    interface Detector {
        /** POST endpoint that takes the raw image bytes and answers {"score":0..1,"label":"..."}. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer <apiKey>} when present. */
        Optional<String> apiKey();

        /** Per-attempt HTTP timeout; the fault-tolerance @Timeout bounds all attempts together. */
        @WithDefault("PT2S")
        Duration timeout();

        /** Detector score from which its signal counts as strong (FAKE on its own). */
        @WithDefault("0.97")
        double strongScore();
    }
}
