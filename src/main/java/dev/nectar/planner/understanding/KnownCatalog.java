package dev.nectar.planner.understanding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The merchant's catalog for understanding, with a title index built on first use and then reused: keep one
 * instance per merchant catalog version (rebuild it after a catalog upsert). Thread-safe.
 */
public final class KnownCatalog {
    private final List<KnownProduct> products;
    private volatile Indexed indexed;

    private KnownCatalog(List<KnownProduct> products) {
        this.products = products == null ? List.of() : List.copyOf(products);
    }

    public static KnownCatalog of(List<KnownProduct> products) {
        return new KnownCatalog(products);
    }

    public List<KnownProduct> products() {
        return products;
    }

    /** The index built by this matcher (normalised its way); a race builds it twice, harmlessly. */
    Indexed indexed(TitleMatcher matcher) {
        Indexed current = indexed;
        if (current == null || current.matcher() != matcher) {
            List<String> descriptions = products.stream().map(KnownCatalog::description).toList();
            Map<String, Integer> skus = new HashMap<>();
            for (int i = 0; i < products.size(); i++) {
                String sku = products.get(i).sku();
                if (sku != null && !sku.isBlank()) {
                    skus.putIfAbsent(NormalizedText.fold(sku), i);
                }
            }
            current = new Indexed(matcher, matcher.index(descriptions), Map.copyOf(skus));
            indexed = current;
        }
        return current;
    }

    /** Everything a buyer may call a product by: title, category, tags and attribute values (红色, XL). */
    private static String description(KnownProduct p) {
        return Stream.concat(Stream.of(p.title(), p.category()), Stream.concat(p.tags().stream(), p.attributes().values().stream()))
                .filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a + " | " + b)
                .orElse("");
    }

    /** Titles by bigram, and SKUs (lower-cased) to their product's position. */
    record Indexed(TitleMatcher matcher, TitleMatcher.Index titles, Map<String, Integer> skus) {
    }
}
