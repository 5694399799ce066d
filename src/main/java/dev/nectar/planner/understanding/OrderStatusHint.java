package dev.nectar.planner.understanding;

/** A state the buyer says their order is in (没付款的那个); names equal the contract's order statuses. */
public enum OrderStatusHint {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
