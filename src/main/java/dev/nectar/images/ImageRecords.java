package dev.nectar.images;

import java.util.List;
import java.util.Optional;

/** Image metadata, the signals the image alone shows, the latest verdict and the evidence hashes of claims. */
public interface ImageRecords {

    /** A photo used as evidence for a claim on an order. */
    record Evidence(String imageId, String orderId, String buyerId, String sha256, Long phash) {
    }

    void insert(StoredImage image, List<Signal> imageSignals, Verification verification);

    /** The image if it belongs to this buyer of this merchant. */
    Optional<StoredImage> find(String merchantId, String buyerId, String imageId);

    /** The image of any buyer of this merchant, for the merchant's own review. */
    Optional<StoredImage> find(String merchantId, String imageId);

    /** Signals found at upload, from the image alone. */
    List<Signal> imageSignals(String merchantId, String imageId);

    Optional<Verification> verification(String merchantId, String imageId);

    void saveVerification(String merchantId, String imageId, Verification verification);

    /** Records the photo as evidence for (order, buyer); recording the same pair again changes nothing. */
    void recordEvidence(String merchantId, Evidence evidence);

    /** Evidence of this merchant from any other order or any other buyer than the pair given. */
    List<Evidence> evidenceElsewhere(String merchantId, String orderId, String buyerId);

    /** Ids of every image the buyer uploaded to this merchant. */
    List<String> idsOf(String merchantId, String buyerId);

    /** Deletes the buyer's image records, verdicts and evidence hashes (the bytes are {@link ImageStore}'s); returns how many images. */
    int erase(String merchantId, String buyerId);
}
