package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Objects;

/**
 * What grounds the understanding of one message: the buyer's own orders (an order id is what the buyer actually has)
 * and the merchant's catalog. Keep one {@link KnownCatalog} per merchant catalog version so its title index is built
 * once.
 */
public record BuyerContext(List<KnownOrder> orders, KnownCatalog catalog) {

    public BuyerContext {
        orders = orders == null ? List.of() : List.copyOf(orders);
        Objects.requireNonNull(catalog, "catalog");
    }

    public static BuyerContext of(List<KnownOrder> orders, List<KnownProduct> products) {
        return new BuyerContext(orders, KnownCatalog.of(products));
    }

    public static BuyerContext empty() {
        return new BuyerContext(List.of(), KnownCatalog.of(List.of()));
    }
}
