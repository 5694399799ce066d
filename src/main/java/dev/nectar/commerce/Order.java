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

    /** A tracking event; the time may be missing, in which case the list order is the order of events. */
    public record Event(OffsetDateTime time, String description) {
    }

    /** Tracking events newest first: by time when every event has one, else by their order in the list. */
    public List<Event> eventsNewestFirst() {
        if (logistics == null || logistics.events() == null) {
            return List.of();
        }
        List<Event> events = new java.util.ArrayList<>(logistics.events());
        if (events.stream().allMatch(e -> e.time() != null)) {
            events.sort(java.util.Comparator.comparing(Event::time));
        }
        java.util.Collections.reverse(events);
        return events;
    }

    public boolean insured() {
        return Boolean.TRUE.equals(shippingInsurance);
    }

    /**
     * The order of an erased buyer: ids, status, times, items and amounts stay for the shop's books; the address goes,
     * and of the logistics only the carrier and tracking number stay (event descriptions are free text).
     */
    public Order anonymised(String pseudonym) {
        return new Order(orderId, pseudonym, status, createdAt, paidAt, shippedAt, deliveredAt, total, shippingInsurance,
                items, null, logistics == null ? null : new Logistics(logistics.carrier(), logistics.trackingNo(), List.of()));
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(orderId, buyerId, newStatus, createdAt, paidAt, shippedAt, deliveredAt, total,
                shippingInsurance, items, address, logistics);
    }
}
