package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Map;

/** One catalog product as the understanding layer needs it; null attributes and tags read as empty. */
public record KnownProduct(String sku, String spu, String title, String category, Map<String, String> attributes,
                           List<String> tags) {

    public KnownProduct {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
