package dev.nectar.planner.understanding;

import java.util.List;

/**
 * A catalog product the text refers to.
 *
 * @param score characters of the text shared with the product's title, category, tags and attribute values (a SKU
 *              typed in full adds {@link TitleMatcher#SKU_BONUS}); higher is stronger
 * @param terms the shared pieces of text
 */
public record ProductMention(KnownProduct product, int score, List<String> terms) {
}
