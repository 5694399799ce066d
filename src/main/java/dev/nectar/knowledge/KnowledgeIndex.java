package dev.nectar.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Chunks and their vectors, per merchant. Writes join the caller's transaction, so a document's status and its
 * chunks change together; each write moves the merchant's revision on, which every node's caches compare against.
 * No method ever returns another merchant's chunk.
 */
public interface KnowledgeIndex {
    /** Embedding dimensions of the in-process model (bge-small-zh-v1.5). */
    int DIMENSIONS = 512;

    /** A chunk with the vector of its retrieval text. */
    record EmbeddedChunk(KnowledgeChunk chunk, float[] vector) {
    }

    /** A chunk id with its cosine similarity to the query vector. */
    record VectorHit(String chunkId, double similarity) {
    }

    /** Replaces every chunk of the document by these. */
    void replace(Connection c, String merchantId, String docId, List<EmbeddedChunk> chunks) throws SQLException;

    /** Removes every chunk of the document. */
    void remove(Connection c, String merchantId, String docId) throws SQLException;

    /** Every chunk of the merchant, without vectors, ordered by document and position. */
    List<KnowledgeChunk> chunks(String merchantId);

    /** The k chunks nearest to the (unit length) query vector, most similar first. */
    List<VectorHit> nearest(String merchantId, float[] query, int k);

    /** Cosine similarity of the query to each of these chunks of the merchant (unknown ids are left out). */
    Map<String, Double> similarities(String merchantId, float[] query, Collection<String> chunkIds);

    /** A number that changes whenever the merchant's chunks change (0 before the first write). */
    long revision(String merchantId);
}
