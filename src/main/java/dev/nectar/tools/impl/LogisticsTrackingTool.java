package dev.nectar.tools.impl;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class LogisticsTrackingTool implements Tool {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private final BuyerOrders orders;

    public LogisticsTrackingTool(BuyerOrders orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return ToolNames.LOGISTICS_TRACKING;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String orderId = (String) args.get("orderId");
        if (orderId == null) {
            List<Order> moving = orders.all(ctx).stream().filter(o -> o.status() == OrderStatus.SHIPPED).toList();
            if (moving.size() != 1) {
                return ToolResult.of(name(), moving.isEmpty() ? "NONE_SHIPPED" : "CHOOSE")
                        .cards(moving.stream().map(Cards::order).toList()).summary(moving.size() + " shipped orders").build();
            }
            orderId = moving.get(0).orderId();
        }
        Optional<Order> found = orders.own(ctx, orderId);
        if (found.isEmpty()) {
            return ToolResult.of(name(), ToolResult.NOT_FOUND).fact("orderId", orderId).summary("no such order").build();
        }
        Order o = found.get();
        ToolResult.Builder r = switch (o.status()) {
            case PENDING_PAYMENT -> ToolResult.of(name(), "UNPAID");
            case PAID -> ToolResult.of(name(), "NOT_SHIPPED");
            case CANCELLED -> ToolResult.of(name(), "CANCELLED");
            default -> o.logistics() == null || o.logistics().trackingNo() == null
                    ? ToolResult.of(name(), "NO_TRACKING") : tracking(o);
        };
        return r.fact("orderId", o.orderId()).fact("items", Cards.itemsText(o)).fact("statusText", Cards.statusText(o.status()))
                .summary("order " + o.orderId() + " " + o.status()).build();
    }

    private ToolResult.Builder tracking(Order o) {
        Optional<Order.Event> latest = o.eventsNewestFirst().stream().findFirst();
        ToolResult.Builder r = ToolResult.of(name(), o.status() == OrderStatus.SHIPPED ? "IN_TRANSIT" : "DELIVERED")
                .fact("carrier", o.logistics().carrier()).fact("trackingNo", o.logistics().trackingNo())
                .cards(List.of(Cards.logistics(o)));
        latest.ifPresent(e -> r.fact("latest", e.description()).fact("latestTime", e.time() == null ? null : TIME.format(e.time())));
        return r;
    }
}
