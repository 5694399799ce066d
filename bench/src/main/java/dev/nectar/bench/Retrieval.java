package dev.nectar.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Large knowledge corpora without embedding every chunk (100,000 chunks through the model would take longer than the
 * whole benchmark may): chunk texts are generated facts, and each chunk's vector is the normalised sum of the real
 * embeddings of the facts it is made of plus a little noise, so vectors cluster the way real ones do. Rows are written
 * straight into the server's tables (knowledge_documents, knowledge_chunks, knowledge_revisions) with JDBC; searches
 * then go through the HTTP API like any merchant's.
 */
final class Retrieval {
    static final String INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    private static final int DIMENSIONS = 512;
    private static final int CHUNKS_PER_DOC = 100;

    private final List<String> facts = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    /** Embeds {@code count} generated facts (the building blocks of every chunk). */
    Retrieval(EmbeddingModel model, int count) {
        Random r = new Random(11);
        for (int i = 0; i < count; i++) {
            String fact = Corpus.sentence(r, Corpus.product(r));
            facts.add(fact);
            vectors.add(model.embed(fact).content().vector());
        }
    }

    /** Writes {@code chunks} chunks for the merchant; {@code postgres} picks the vector encoding. */
    void load(String url, String user, String password, String merchantId, int chunks, boolean postgres) throws Exception {
        Random r = new Random(merchantId.hashCode());
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement doc = c.prepareStatement("INSERT INTO knowledge_documents (merchant_id, doc_id, source_name, title, "
                    + "doc_type, status, chunks, bytes, generation, created_at, updated_at) VALUES (?, ?, ?, ?, 'MARKDOWN', 'READY', ?, ?, 1, ?, ?)");
                 PreparedStatement chunk = c.prepareStatement("INSERT INTO knowledge_chunks (merchant_id, chunk_id, doc_id, ordinal, title, "
                         + "heading_path, text, retrieval_text, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                         + (postgres ? "CAST(? AS vector)" : "?") + ")")) {
                for (int d = 0; d * CHUNKS_PER_DOC < chunks; d++) {
                    String docId = "bd-" + d;
                    int inDoc = Math.min(CHUNKS_PER_DOC, chunks - d * CHUNKS_PER_DOC);
                    doc.setString(1, merchantId);
                    doc.setString(2, docId);
                    doc.setString(3, "手册" + d + ".md");
                    doc.setString(4, "产品手册 " + d);
                    doc.setInt(5, inDoc);
                    doc.setLong(6, inDoc * 200L);
                    doc.setTimestamp(7, now);
                    doc.setTimestamp(8, now);
                    doc.addBatch();
                    for (int k = 0; k < inDoc; k++) {
                        int a = r.nextInt(facts.size());
                        int b = r.nextInt(facts.size());
                        String heading = "产品手册 " + d;
                        String text = facts.get(a) + facts.get(b);
                        float[] v = mix(vectors.get(a), vectors.get(b), r);
                        chunk.setString(1, merchantId);
                        chunk.setString(2, docId + "-" + k);
                        chunk.setString(3, docId);
                        chunk.setInt(4, k);
                        chunk.setString(5, heading);
                        chunk.setString(6, heading);
                        chunk.setString(7, text);
                        chunk.setString(8, heading + "\n" + text);
                        chunk.setObject(9, postgres ? literal(v) : bytes(v));
                        chunk.addBatch();
                    }
                    if (d % 10 == 9) {
                        doc.executeBatch();
                        chunk.executeBatch();
                    }
                }
                doc.executeBatch();
                chunk.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM knowledge_revisions WHERE merchant_id = '" + merchantId + "'");
                s.executeUpdate("INSERT INTO knowledge_revisions (merchant_id, revision) VALUES ('" + merchantId + "', 1)");
            }
            c.commit();
        }
    }

    private static float[] mix(float[] a, float[] b, Random r) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = a[i] + b[i] + (float) (r.nextGaussian() * 0.02);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** The embedded index's encoding: little-endian floats. */
    private static byte[] bytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    private static String literal(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.append(']').toString();
    }

    /** Search latencies (ms) over the API, after a warm-up whose first search (loading the index) is returned first. */
    static double[] search(Api api, String key, String merchantId, List<String> queries, int warmUp) throws Exception {
        long t0 = System.nanoTime();
        api.search(key, merchantId, queries.get(0), 5);
        double first = (System.nanoTime() - t0) / 1e6;
        for (int i = 1; i < warmUp; i++) {
            api.search(key, merchantId, queries.get(i), 5);
        }
        double[] ms = new double[queries.size() - warmUp + 1];
        ms[0] = first;
        for (int i = warmUp; i < queries.size(); i++) {
            long s = System.nanoTime();
            if (api.search(key, merchantId, queries.get(i), 5).path("hits").isEmpty()) {
                throw new IllegalStateException("no hit for " + queries.get(i));
            }
            ms[i - warmUp + 1] = (System.nanoTime() - s) / 1e6;
        }
        return ms;
    }
}
