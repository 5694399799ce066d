package dev.nectar.planner.understanding;

import java.util.List;

/**
 * A buyer order whose items the text refers to (我的围巾 → the order holding "羊毛围巾 红色").
 *
 * @param score characters of the text shared with the best item (title or category); higher is stronger
 * @param items the order's items that matched, best first
 * @param terms the shared pieces of text, for explanations
 */
public record OrderMention(KnownOrder order, int score, List<KnownItem> items, List<String> terms) {
}
