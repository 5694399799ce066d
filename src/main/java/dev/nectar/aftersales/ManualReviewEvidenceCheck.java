package dev.nectar.aftersales;

import dev.nectar.commerce.Order;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands in while no photo verification is deployed: every photo counts as SUSPICIOUS, so a claim that rests on a
 * photo goes to a person and is never auto-approved. Any other {@link EvidenceCheck} bean replaces this one.
 */
@DefaultBean
@ApplicationScoped
public class ManualReviewEvidenceCheck implements EvidenceCheck {

    @Override
    public EvidenceVerdict verify(String merchantId, String buyerId, String imageId, Order order) {
        return new EvidenceVerdict(imageId, EvidenceVerdict.Verdict.SUSPICIOUS);
    }
}
