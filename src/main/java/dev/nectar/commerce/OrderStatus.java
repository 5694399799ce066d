package dev.nectar.commerce;

public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
