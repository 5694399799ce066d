package dev.nectar.knowledge;

/**
 * One retrieved passage. {@code score} (0..1) fuses vector similarity and lexical overlap; {@code answerable} is true
 * when it clears the calibrated threshold, i.e. the passage can be used as an answer rather than a guess.
 */
public record KnowledgeHit(String docId, String title, String headingPath, String text, double score,
                           boolean answerable) {
}
