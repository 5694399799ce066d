package dev.nectar.aftersales;

import dev.nectar.commerce.Order;

/**
 * Verifies a buyer's photo as evidence for a claim on one order (capture time against delivery, reuse across
 * orders, editing, generation). Implemented by the images feature; an image the buyer does not own must not come
 * back {@code AUTHENTIC}.
 */
public interface EvidenceCheck {

    EvidenceVerdict verify(String merchantId, String buyerId, String imageId, Order order);
}
