package dev.nectar.planner.understanding;

/** What the buyer asks for; names equal the contract's case {@code type}. */
public enum AfterSaleKind {
    RETURN_REFUND, REFUND_ONLY, EXCHANGE, CANCEL
}
