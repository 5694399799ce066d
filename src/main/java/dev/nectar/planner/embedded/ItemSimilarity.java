package dev.nectar.planner.embedded;

/**
 * How close the words a buyer uses for an item (牛拍, 充电头, headphones) are in meaning to an order's item titles:
 * the order resolver's last resort when no shared characters decide. Thread-safe.
 */
interface ItemSimilarity {
    /** Cosine-like closeness, higher is closer. */
    double between(String words, String titles);
}
