package dev.nectar.commerce;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks catalog and order upserts field by field; the first failure names its field, e.g. {@code [3].price}.
 * Used by the API and by the demo-shop loader, so both accept exactly the same data.
 */
public final class CommerceValidation {
    private CommerceValidation() {
    }

    public static List<Product> products(List<Product> products, int maxItems) {
        batch(products, maxItems);
        Set<String> seen = new HashSet<>();
        return java.util.stream.IntStream.range(0, products.size()).mapToObj(i -> {
            Product p = Check.present(products.get(i), at(i, "item"));
            String sku = Check.id(p.sku(), at(i, "sku"));
            if (!seen.add(sku)) {
                throw ApiException.invalid(at(i, "sku"), "sku " + sku + " appears twice in this upsert");
            }
            String spu = p.spu() == null || p.spu().isBlank() ? sku : Check.id(p.spu(), at(i, "spu"));
            Integer stock = Check.present(p.stock(), at(i, "stock"));
            if (stock < 0) {
                throw ApiException.invalid(at(i, "stock"), at(i, "stock") + " must be zero or more");
            }
            if (p.rating() != null && (p.rating() < 0 || p.rating() > 5)) {
                throw ApiException.invalid(at(i, "rating"), at(i, "rating") + " must be between 0 and 5");
            }
            if (p.sales() != null && p.sales() < 0) {
                throw ApiException.invalid(at(i, "sales"), at(i, "sales") + " must be zero or more");
            }
            Map<String, String> attributes = p.attributes() == null ? Map.of() : p.attributes();
            if (attributes.size() > 50) {
                throw ApiException.invalid(at(i, "attributes"), at(i, "attributes") + " holds more than 50 entries");
            }
            List<String> tags = p.tags() == null ? List.of() : Check.size(p.tags(), at(i, "tags"), 50);
            for (int t = 0; t < tags.size(); t++) {
                Check.text(tags.get(t), at(i, "tags[" + t + "]"), 50);
            }
            return new Product(sku, spu, Check.text(p.title(), at(i, "title"), 200),
                    Check.text(p.category(), at(i, "category"), 50), Check.money(p.price(), at(i, "price")), stock,
                    Check.optionalText(p.description(), at(i, "description"), 5000), attributes, tags, p.rating(),
                    p.sales() == null ? 0L : p.sales());
        }).toList();
    }

    public static List<Order> orders(List<Order> orders, int maxItems) {
        batch(orders, maxItems);
        Set<String> seen = new HashSet<>();
        return java.util.stream.IntStream.range(0, orders.size()).mapToObj(i -> {
            Order o = Check.present(orders.get(i), at(i, "item"));
            String orderId = Check.id(o.orderId(), at(i, "orderId"));
            if (!seen.add(orderId)) {
                throw ApiException.invalid(at(i, "orderId"), "orderId " + orderId + " appears twice in this upsert");
            }
            List<Order.Item> items = Check.present(o.items(), at(i, "items"));
            if (items.isEmpty()) {
                throw ApiException.invalid(at(i, "items"), at(i, "items") + " must hold at least one item");
            }
            Check.size(items, at(i, "items"), 200);
            List<Order.Item> checkedItems = java.util.stream.IntStream.range(0, items.size()).mapToObj(k -> {
                Order.Item it = Check.present(items.get(k), at(i, "items[" + k + "]"));
                String f = at(i, "items[" + k + "]");
                return new Order.Item(Check.id(it.sku(), f + ".sku"), Check.text(it.title(), f + ".title", 200),
                        Check.range(it.quantity(), f + ".quantity", 1, 100000), Check.money(it.unitPrice(), f + ".unitPrice"));
            }).toList();
            Order.Address address = o.address();
            if (address != null) {
                Check.optionalText(address.name(), at(i, "address.name"), 100);
                Check.optionalText(address.phone(), at(i, "address.phone"), 40);
                Check.optionalText(address.region(), at(i, "address.region"), 200);
                Check.optionalText(address.detail(), at(i, "address.detail"), 500);
            }
            Order.Logistics logistics = o.logistics();
            if (logistics != null) {
                Check.optionalText(logistics.carrier(), at(i, "logistics.carrier"), 100);
                Check.optionalText(logistics.trackingNo(), at(i, "logistics.trackingNo"), 100);
                List<Order.Event> events = logistics.events() == null ? List.of() : Check.size(logistics.events(), at(i, "logistics.events"), 500);
                for (int e = 0; e < events.size(); e++) {
                    Order.Event event = Check.present(events.get(e), at(i, "logistics.events[" + e + "]"));
                    Check.text(event.description(), at(i, "logistics.events[" + e + "].description"), 500);
                }
                logistics = new Order.Logistics(logistics.carrier(), logistics.trackingNo(), events);
            }
            return new Order(orderId, Check.id(o.buyerId(), at(i, "buyerId")), Check.present(o.status(), at(i, "status")),
                    Check.time(o.createdAt(), at(i, "createdAt")), o.paidAt(), o.shippedAt(), o.deliveredAt(),
                    Check.money(o.total(), at(i, "total")), Boolean.TRUE.equals(o.shippingInsurance()), checkedItems,
                    address, logistics);
        }).toList();
    }

    private static void batch(List<?> items, int maxItems) {
        if (items == null) {
            throw ApiException.invalid("body", "the body must be a JSON array");
        }
        if (items.size() > maxItems) {
            throw ApiException.invalid("body", "at most " + maxItems + " items per upsert");
        }
    }

    private static String at(int i, String field) {
        return "[" + i + "]." + field;
    }
}
