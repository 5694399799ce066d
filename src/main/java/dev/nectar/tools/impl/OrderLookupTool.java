package dev.nectar.tools.impl;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrderLookupTool implements Tool {
    static final int MAX_LISTED = 5;
    private final BuyerOrders orders;

    public OrderLookupTool(BuyerOrders orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return ToolNames.ORDER_LOOKUP;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String orderId = (String) args.get("orderId");
        if (orderId != null) {
            return orders.own(ctx, orderId)
                    .map(o -> ToolResult.of(name(), "FOUND").fact("orderId", o.orderId()).fact("statusText", Cards.statusText(o.status()))
                            .fact("items", Cards.itemsText(o)).fact("total", o.total()).cards(List.of(Cards.order(o)))
                            .summary("order " + o.orderId() + " " + o.status()).build())
                    .orElseGet(() -> ToolResult.of(name(), ToolResult.NOT_FOUND).fact("orderId", orderId).summary("no such order").build());
        }
        String status = (String) args.get("status");
        List<Order> list = orders.all(ctx).stream()
                .filter(o -> status == null || o.status() == OrderStatus.valueOf(status)).limit(MAX_LISTED).toList();
        if (list.isEmpty()) {
            return ToolResult.of(name(), "NONE").summary("no orders").build();
        }
        String lines = list.stream().map(o -> "· " + o.orderId() + " " + Cards.itemsText(o) + "(" + Cards.statusText(o.status()) + ")")
                .collect(Collectors.joining("\n"));
        return ToolResult.of(name(), "LIST").fact("count", list.size()).fact("lines", lines)
                .cards(list.stream().map(Cards::order).toList()).summary(list.size() + " orders").build();
    }
}
