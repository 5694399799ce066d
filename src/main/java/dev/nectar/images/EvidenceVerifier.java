package dev.nectar.images;

import dev.nectar.commerce.Order;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Photo evidence for after-sales claims. An upload is verified with what the image alone shows; a claim verifies it
 * again with the order's context (capture before delivery, reuse of earlier evidence) and records its hashes so later
 * claims elsewhere see it. The latest verdict is what the merchant's endpoint returns.
 */
@ApplicationScoped
public class EvidenceVerifier {
    static final double CAPTURED_BEFORE_DELIVERY_WEIGHT = 0.6;
    static final double REUSED_WEIGHT = 0.75;

    private final ImageRecords records;
    private final ImageStore store;
    private final HttpAiDetector detector;
    private final NectarConfig config;
    private final ImagesConfig images;
    private final ZoneId exifZone;

    public EvidenceVerifier(ImageRecords records, ImageStore store, HttpAiDetector detector, NectarConfig config,
                            ImagesConfig images) {
        this.records = records;
        this.store = store;
        this.detector = detector;
        this.config = config;
        this.images = images;
        this.exifZone = ZoneId.of(images.exifZone()); // a bad zone fails at start-up, not on the first upload
    }

    /** Checks, stores and verifies an upload. @throws ApiException 413/415 for oversized or unsupported images */
    public StoredImage upload(BuyerIdentity buyer, byte[] bytes) {
        ImageAnalyzer.Analysis analysis = ImageAnalyzer.analyze(bytes, config.limits().maxImagePixels(), exifZone);
        List<Signal> signals = new ArrayList<>(analysis.signals());
        if (detector.enabled()) {
            signals.add(detector.examine(bytes, analysis.header().format()));
        }
        String imageId = Secrets.newToken("img_");
        StoredImage image = new StoredImage(buyer.merchantId(), buyer.buyerId(), imageId, analysis.header().format(),
                analysis.header().width(), analysis.header().height(), bytes.length, analysis.sha256(), analysis.phash(),
                analysis.capturedAt(), OffsetDateTime.now(ZoneOffset.UTC));
        store.put(buyer.merchantId(), buyer.buyerId(), imageId, bytes);
        try {
            records.insert(image, signals, VerdictRule.decide(imageId, signals, images.suspiciousThreshold()));
        } catch (RuntimeException e) {
            store.delete(buyer.merchantId(), buyer.buyerId(), imageId);
            throw e;
        }
        return image;
    }

    /** The image if this buyer of this merchant uploaded it; anyone else's id is empty, like an unknown one. */
    public Optional<StoredImage> find(String merchantId, String buyerId, String imageId) {
        return records.find(merchantId, buyerId, imageId);
    }

    /** A stored photo's bytes and type. */
    public record Photo(ImageFormat format, byte[] bytes) {
    }

    /** The photo a buyer of this merchant uploaded, for the merchant reviewing a claim; empty for anyone else's id. */
    public Optional<Photo> photo(String merchantId, String imageId) {
        return records.find(merchantId, imageId)
                .flatMap(i -> store.get(merchantId, i.buyerId(), imageId).map(bytes -> new Photo(i.format(), bytes)));
    }

    /** The latest verdict, for the merchant. */
    public Optional<Verification> latest(String merchantId, String imageId) {
        return records.verification(merchantId, imageId);
    }

    /**
     * Verifies the buyer's image as evidence for a claim on {@code order}: the upload's signals, plus capture before
     * the order's delivery and reuse of a photo that was evidence for another order or buyer of this merchant.
     * Records the image as evidence for (order, buyer), so verifying it again for the same pair is not reuse.
     *
     * @throws ApiException 404 when the image is not this buyer's
     */
    public Verification verifyForClaim(String merchantId, String buyerId, String imageId, Order order) {
        StoredImage image = find(merchantId, buyerId, imageId).orElseThrow(() -> ApiException.notFound("image " + imageId));
        List<Signal> signals = new ArrayList<>(records.imageSignals(merchantId, imageId));
        capturedBeforeDelivery(image, order).ifPresent(signals::add);
        reuse(merchantId, buyerId, image, order).ifPresent(signals::add);
        records.recordEvidence(merchantId, new ImageRecords.Evidence(imageId, order.orderId(), buyerId, image.sha256(),
                image.phash()));
        Verification verification = VerdictRule.decide(imageId, signals, images.suspiciousThreshold());
        records.saveVerification(merchantId, imageId, verification);
        return verification;
    }

    private Optional<Signal> capturedBeforeDelivery(StoredImage image, Order order) {
        OffsetDateTime delivered = order.deliveredAt();
        if (delivered == null || image.capturedAt() == null
                || !image.capturedAt().isBefore(delivered.minus(images.captureTolerance()))) {
            return Optional.empty();
        }
        return Optional.of(Signal.weak("captured_before_delivery", "taken at " + image.capturedAt()
                + ", before order " + order.orderId() + " was delivered at " + delivered, CAPTURED_BEFORE_DELIVERY_WEIGHT));
    }

    private Optional<Signal> reuse(String merchantId, String buyerId, StoredImage image, Order order) {
        record Match(ImageRecords.Evidence evidence, int distance) {
        }
        return records.evidenceElsewhere(merchantId, order.orderId(), buyerId).stream()
                .map(e -> new Match(e, e.sha256().equals(image.sha256()) ? 0
                        : e.phash() != null && image.phash() != null ? PerceptualHash.distance(e.phash(), image.phash()) : 64))
                .filter(m -> m.distance() <= images.reuseDistance())
                .min(Comparator.comparingInt(Match::distance))
                .map(m -> Signal.weak("reused_photo", (m.distance() == 0 ? "the same photo" : "a near-duplicate photo "
                        + "(pHash distance " + m.distance() + "/64)") + " was already evidence for order "
                        + m.evidence().orderId() + (m.evidence().buyerId().equals(buyerId) ? " of this buyer" : " of another buyer"),
                        REUSED_WEIGHT));
    }
}
