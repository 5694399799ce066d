package dev.nectar.commerce.recommend;

import dev.nectar.commerce.Product;

/**
 * @param score  relevance (lexical and semantic) plus small rating and sales tie-breakers; only for ordering
 * @param reason one line of Chinese for the buyer, e.g. "敏感肌、洗面奶,评分4.9,已售1.2万"
 */
public record Recommendation(Product product, double score, String reason) {
}
