package dev.nectar.images;

import dev.nectar.aftersales.EvidenceCheck;
import dev.nectar.aftersales.EvidenceVerdict;
import dev.nectar.commerce.Order;
import dev.nectar.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Photo evidence for after-sales claims, judged by {@link EvidenceVerifier}; a photo not the buyer's is FAKE. */
@ApplicationScoped
public class ImageEvidenceCheck implements EvidenceCheck {
    private final EvidenceVerifier verifier;

    public ImageEvidenceCheck(EvidenceVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public EvidenceVerdict verify(String merchantId, String buyerId, String imageId, Order order) {
        try {
            Verdict v = verifier.verifyForClaim(merchantId, buyerId, imageId, order).verdict();
            return new EvidenceVerdict(imageId, EvidenceVerdict.Verdict.valueOf(v.name()));
        } catch (ApiException e) {
            return new EvidenceVerdict(imageId, EvidenceVerdict.Verdict.FAKE);
        }
    }
}
