package dev.nectar.planner.understanding;

import java.util.List;

/** One of the buyer's own orders; {@code status} is the contract's order status (PAID, SHIPPED ...). */
public record KnownOrder(String orderId, String status, List<KnownItem> items) {

    public KnownOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
