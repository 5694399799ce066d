package dev.nectar.planner.understanding;

/** Why the buyer wants an after-sale; names equal the contract's case {@code reason}. */
public enum Reason {
    NO_REASON, SIZE, QUALITY, DAMAGED, WRONG_ITEM, NOT_AS_DESCRIBED, NOT_RECEIVED, OTHER
}
