package dev.nectar.knowledge;

/**
 * A stored piece of a document. {@code text} is what callers get back; {@code retrievalText} is what is embedded and
 * matched (the heading path and the text, or an FAQ pair's question).
 */
public record KnowledgeChunk(String chunkId, String docId, String title, String headingPath, String text,
                             String retrievalText) {
}
