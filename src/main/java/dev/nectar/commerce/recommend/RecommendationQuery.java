package dev.nectar.commerce.recommend;

import java.math.BigDecimal;

/**
 * What a buyer is looking for: free text plus the constraints a caller parsed from it (see {@link QueryParser}).
 * Every constraint may be null.
 *
 * @param priceAround a target price; products within ±25% of it qualify
 * @param category    a category, or a word that must appear in the product's title or tags
 * @param weightKg    the body weight of the pet or baby the product is for
 * @param count       how many (pets, children) it serves; 2 or more prefers larger packs
 * @param limit       results wanted (default 3, at most 10)
 */
public record RecommendationQuery(String text, BigDecimal priceMin, BigDecimal priceMax, BigDecimal priceAround,
                                  String category, Double weightKg, Integer count, Integer limit) {
    public static final int DEFAULT_LIMIT = 3;
    public static final int MAX_LIMIT = 10;

    public static RecommendationQuery of(String text) {
        return new RecommendationQuery(text, null, null, null, null, null, null, null);
    }

    /** This query with every constraint {@code explicit} sets taken from it (a tool's slots over parsed text). */
    public RecommendationQuery overriddenBy(RecommendationQuery explicit) {
        return new RecommendationQuery(explicit.text != null ? explicit.text : text, or(explicit.priceMin, priceMin),
                or(explicit.priceMax, priceMax), or(explicit.priceAround, priceAround), or(explicit.category, category),
                or(explicit.weightKg, weightKg), or(explicit.count, count), or(explicit.limit, limit));
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** The lowest acceptable price, from priceMin and priceAround (-25%). */
    BigDecimal lowest() {
        BigDecimal fromAround = priceAround == null ? null : priceAround.multiply(new BigDecimal("0.75"));
        return max(priceMin, fromAround);
    }

    /** The highest acceptable price, from priceMax and priceAround (+25%). */
    BigDecimal highest() {
        BigDecimal fromAround = priceAround == null ? null : priceAround.multiply(new BigDecimal("1.25"));
        return priceMax == null ? fromAround : fromAround == null ? priceMax : priceMax.min(fromAround);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
