package dev.nectar.commerce;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A merchant's orders. */
public interface OrderStore {

    void upsert(String merchantId, List<Order> orders);

    Optional<Order> find(String merchantId, String orderId);

    /** The buyer's orders, newest first. */
    List<Order> byBuyer(String merchantId, String buyerId);

    /**
     * Moves an order to {@code to} only if its status is one of {@code from}, atomically.
     *
     * @return the updated order, or empty when it was not in one of those states
     */
    Optional<Order> transition(String merchantId, String orderId, Collection<OrderStatus> from, OrderStatus to);

    /**
     * Gives the buyer's orders to {@code pseudonym} without their personal fields ({@link Order#anonymised}); ids,
     * items and amounts stay. Returns how many orders.
     */
    int anonymise(String merchantId, String buyerId, String pseudonym);
}
