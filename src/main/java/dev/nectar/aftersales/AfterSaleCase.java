package dev.nectar.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One after-sales case as the contract shows it to merchants, plus Nectar's own fields.
 *
 * @param reasonCode   the policy reason behind the status the case was created with ({@link PolicyDecision.Code})
 * @param buyerNote    what the buyer added to the request
 * @param decisionNote the merchant's (or the system's) note when the case was decided
 */
public record AfterSaleCase(String caseId, String merchantId, String orderId, String buyerId, Type type, Reason reason,
                            List<String> items, BigDecimal amount, Status status, List<EvidenceVerdict> evidence,
                            String targetSku, String conversationId, OffsetDateTime createdAt, String reasonCode,
                            String buyerNote, String decisionNote, OffsetDateTime decidedAt) {

    public enum Type { RETURN_REFUND, REFUND_ONLY, EXCHANGE, CANCEL }

    public enum Reason {
        NO_REASON, SIZE, QUALITY, DAMAGED, WRONG_ITEM, NOT_AS_DESCRIBED, NOT_RECEIVED, OTHER;

        /** A defect of the goods: the claim needs a photo and runs in the quality window. */
        public boolean defect() {
            return this == QUALITY || this == DAMAGED || this == WRONG_ITEM || this == NOT_AS_DESCRIBED;
        }
    }

    public enum Status {
        APPROVED, PENDING_REVIEW, NEEDS_EVIDENCE, REJECTED;

        /** Open cases block another case of the same order and type (contract rule 8). */
        public boolean open() {
            return this != REJECTED;
        }
    }

    /** The unique key that only one open case per merchant, order and type can hold; null once rejected. */
    public String openKey() {
        return status.open() ? orderId + "|" + type : null;
    }

    /**
     * The case of an erased buyer: ids, type, reason, items, amount, status, evidence verdicts and times stay; the
     * free text (the buyer's note and the decision note) and the erased conversation go.
     */
    public AfterSaleCase anonymised(String pseudonym) {
        return new AfterSaleCase(caseId, merchantId, orderId, pseudonym, type, reason, items, amount, status, evidence,
                targetSku, null, createdAt, reasonCode, null, null, decidedAt);
    }

    public AfterSaleCase decided(Status newStatus, String note, OffsetDateTime at) {
        return new AfterSaleCase(caseId, merchantId, orderId, buyerId, type, reason, items, amount, newStatus, evidence,
                targetSku, conversationId, createdAt, reasonCode, buyerNote, note, at);
    }
}
