package dev.nectar.aftersales;

/**
 * What a submission or cancellation ended in.
 *
 * @param afterSale the created or existing case; null for NO_CASE
 */
public record AfterSaleResult(Kind kind, PolicyDecision decision, AfterSaleCase afterSale) {

    public enum Kind {
        /** a case was created (by this call, or by an earlier call with the same actionId) */
        CREATED,
        /** an open case of the order and type already existed; nothing was created */
        EXISTING,
        /** refused, or waiting for a photo or a choice: nothing was written */
        NO_CASE
    }

    static AfterSaleResult noCase(PolicyDecision decision) {
        return new AfterSaleResult(Kind.NO_CASE, decision, null);
    }
}
