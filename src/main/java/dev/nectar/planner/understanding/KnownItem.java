package dev.nectar.planner.understanding;

/**
 * One line of a buyer's order. {@code category} comes from the catalog (orders carry none); any field may be null.
 */
public record KnownItem(String sku, String title, String category) {
}
