package dev.nectar.commerce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

public record Order(String orderId, String buyerId, OrderStatus status, OffsetDateTime createdAt,
                    OffsetDateTime paidAt, OffsetDateTime shippedAt, OffsetDateTime deliveredAt, BigDecimal total,
                    Boolean shippingInsurance, List<Item> items, Address address, Logistics logistics) {

    public record Item(String sku, String title, Integer quantity, BigDecimal unitPrice) {
    }

    public record Address(String name, String phone, String region, String detail) {
    }

    public record Logistics(String carrier, String trackingNo, List<Event> events) {
    }

    public record Event(OffsetDateTime time, String description) {
    }

    public boolean insured() {
        return Boolean.TRUE.equals(shippingInsurance);
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(orderId, buyerId, newStatus, createdAt, paidAt, shippedAt, deliveredAt, total,
                shippingInsurance, items, address, logistics);
    }
}
