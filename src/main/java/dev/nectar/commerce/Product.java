package dev.nectar.commerce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A sellable variant; products sharing an {@code spu} are variants of one item (sizes, colours). */
public record Product(String sku, String spu, String title, String category, BigDecimal price, Integer stock,
                      String description, Map<String, String> attributes, List<String> tags, Double rating,
                      Long sales) {

    public boolean inStock() {
        return stock != null && stock > 0;
    }
}
