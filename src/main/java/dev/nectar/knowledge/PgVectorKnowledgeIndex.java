package dev.nectar.knowledge;

import dev.nectar.platform.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production index: chunks in PostgreSQL with a pgvector {@code vector(512)} column under an HNSW index with
 * cosine ops. A merchant filter on an HNSW scan can leave fewer than k rows, so searches run with pgvector's
 * iterative scan (0.8+) and a wider candidate list; nothing is cached here, so every node sees every write at once.
 */
public class PgVectorKnowledgeIndex extends JdbcKnowledgeIndex {
    private final boolean iterativeScan;

    public PgVectorKnowledgeIndex(Database db) {
        super(db);
        String version = db.queryOne("SELECT extversion FROM pg_extension WHERE extname = 'vector'", rs -> rs.getString(1))
                .orElseThrow(() -> new IllegalStateException("the pgvector extension is not installed in this database"));
        this.iterativeScan = compareVersions(version, "0.8.0") >= 0;
    }

    @Override
    protected Object encode(float[] vector) {
        StringBuilder sb = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(vector[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    protected String vectorPlaceholder() {
        return "CAST(? AS vector)";
    }

    @Override
    protected void bump(Connection c, String merchantId) throws SQLException {
        Database.update(c, "INSERT INTO knowledge_revisions (merchant_id, revision) VALUES (?, 1)"
                + " ON CONFLICT (merchant_id) DO UPDATE SET revision = knowledge_revisions.revision + 1", merchantId);
    }

    @Override
    public List<KnowledgeChunk> chunks(String merchantId) {
        return db.query("SELECT " + CHUNK_COLUMNS + " FROM knowledge_chunks WHERE merchant_id = ? ORDER BY doc_id, ordinal",
                JdbcKnowledgeIndex::chunk, merchantId);
    }

    @Override
    public List<VectorHit> nearest(String merchantId, float[] query, int k) {
        Object vector = encode(query);
        return db.inTransaction(c -> {
            if (iterativeScan) {
                Database.update(c, "SET LOCAL hnsw.iterative_scan = relaxed_order");
            }
            Database.update(c, "SET LOCAL hnsw.ef_search = " + Math.max(40, Math.min(1000, k * 2)));
            List<VectorHit> hits = new ArrayList<>(Database.query(c,
                    "SELECT chunk_id, embedding <=> CAST(? AS vector) AS distance FROM knowledge_chunks"
                            + " WHERE merchant_id = ? ORDER BY embedding <=> CAST(? AS vector) LIMIT ?",
                    rs -> new VectorHit(rs.getString(1), 1 - rs.getDouble(2)), vector, merchantId, vector, k));
            // relaxed_order may return neighbours slightly out of order
            hits.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return hits;
        });
    }

    @Override
    public Map<String, Double> similarities(String merchantId, float[] query, Collection<String> chunkIds) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(encode(query));
        params.add(merchantId);
        params.addAll(chunkIds);
        Map<String, Double> out = new HashMap<>();
        db.query("SELECT chunk_id, 1 - (embedding <=> CAST(? AS vector)) FROM knowledge_chunks WHERE merchant_id = ?"
                        + " AND chunk_id IN (" + String.join(", ", Collections.nCopies(chunkIds.size(), "?")) + ")",
                rs -> out.put(rs.getString(1), rs.getDouble(2)), params.toArray());
        return out;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? leadingNumber(x[i]) : 0;
            int q = i < y.length ? leadingNumber(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        String digits = part.replaceFirst("^(\\d*).*$", "$1");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
