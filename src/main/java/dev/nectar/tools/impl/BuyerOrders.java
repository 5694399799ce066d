package dev.nectar.tools.impl;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStore;
import dev.nectar.tools.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Order access for tools: an order of another buyer is indistinguishable from an unknown one. */
@ApplicationScoped
public class BuyerOrders {
    private final OrderStore orders;

    public BuyerOrders(OrderStore orders) {
        this.orders = orders;
    }

    public Optional<Order> own(ToolContext ctx, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        return orders.find(ctx.merchantId(), orderId.trim()).filter(o -> o.buyerId().equals(ctx.buyerId()));
    }

    public java.util.List<Order> all(ToolContext ctx) {
        return orders.byBuyer(ctx.merchantId(), ctx.buyerId());
    }
}
