package dev.nectar.tools.impl;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Card payloads for the buyer: entity fields only, never addresses or phone numbers. */
public final class Cards {
    private Cards() {
    }

    public static String statusText(OrderStatus s) {
        return switch (s) {
            case PENDING_PAYMENT -> "待付款";
            case PAID -> "已付款,待发货";
            case SHIPPED -> "已发货,运输中";
            case DELIVERED -> "已签收";
            case COMPLETED -> "已完成";
            case CANCELLED -> "已取消";
        };
    }

    public static String itemsText(Order o) {
        return o.items().stream().map(i -> i.title() + (i.quantity() > 1 ? " ×" + i.quantity() : ""))
                .collect(Collectors.joining("、"));
    }

    public static Map<String, Object> order(Order o) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "order");
        c.put("orderId", o.orderId());
        c.put("status", o.status().name());
        c.put("statusText", statusText(o.status()));
        c.put("title", itemsText(o));
        c.put("total", o.total());
        c.put("createdAt", o.createdAt());
        c.put("items", o.items().stream().map(i -> Map.of("sku", i.sku(), "title", i.title(), "quantity", i.quantity())).toList());
        return c;
    }

    public static Map<String, Object> logistics(Order o) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "logistics");
        c.put("orderId", o.orderId());
        c.put("title", itemsText(o));
        if (o.logistics() != null) {
            c.put("carrier", o.logistics().carrier());
            c.put("trackingNo", o.logistics().trackingNo());
            c.put("events", o.eventsNewestFirst().stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", e.time());
                m.put("description", e.description());
                return m;
            }).toList());
        }
        return c;
    }

    public static Map<String, Object> product(Product p, String reason) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", "product");
        c.put("sku", p.sku());
        c.put("title", p.title());
        c.put("price", p.price());
        c.put("stock", p.stock());
        if (p.rating() != null) {
            c.put("rating", p.rating());
        }
        if (reason != null) {
            c.put("reason", reason);
        }
        return c;
    }
}
