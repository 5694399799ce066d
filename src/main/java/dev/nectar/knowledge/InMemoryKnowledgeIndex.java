package dev.nectar.knowledge;

import dev.nectar.platform.Database;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded index: chunks persisted in H2 (vectors as little-endian float bytes), each merchant's chunks loaded
 * into one contiguous array on first use and searched exactly by brute force, which at 10,000 chunks of 512
 * dimensions takes a few milliseconds. A snapshot is reloaded when the merchant's revision has moved.
 */
public class InMemoryKnowledgeIndex extends JdbcKnowledgeIndex {

    private record Snapshot(long revision, List<KnowledgeChunk> chunks, float[] vectors, Map<String, Integer> positions) {
    }

    private final ConcurrentMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public InMemoryKnowledgeIndex(Database db) {
        super(db);
    }

    @Override
    protected Object encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    @Override
    protected String vectorPlaceholder() {
        return "?";
    }

    @Override
    protected void bump(Connection c, String merchantId) throws SQLException {
        Database.update(c, "MERGE INTO knowledge_revisions r USING (VALUES (CAST(? AS VARCHAR(40)))) s(merchant_id)"
                + " ON r.merchant_id = s.merchant_id"
                + " WHEN MATCHED THEN UPDATE SET revision = r.revision + 1"
                + " WHEN NOT MATCHED THEN INSERT (merchant_id, revision) VALUES (s.merchant_id, 1)", merchantId);
    }

    @Override
    public List<KnowledgeChunk> chunks(String merchantId) {
        return snapshot(merchantId).chunks();
    }

    @Override
    public List<VectorHit> nearest(String merchantId, float[] query, int k) {
        Snapshot s = snapshot(merchantId);
        double[] scores = new double[s.chunks().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = dot(s.vectors(), i * DIMENSIONS, query);
        }
        List<VectorHit> hits = new ArrayList<>(k);
        for (int position : TopK.positions(scores, k, Double.NEGATIVE_INFINITY)) {
            hits.add(new VectorHit(s.chunks().get(position).chunkId(), scores[position]));
        }
        return hits;
    }

    @Override
    public Map<String, Double> similarities(String merchantId, float[] query, Collection<String> chunkIds) {
        Snapshot s = snapshot(merchantId);
        Map<String, Double> out = new HashMap<>();
        for (String id : chunkIds) {
            Integer position = s.positions().get(id);
            if (position != null) {
                out.put(id, dot(s.vectors(), position * DIMENSIONS, query));
            }
        }
        return out;
    }

    private static double dot(float[] vectors, int offset, float[] query) {
        float a = 0, b = 0, c = 0, d = 0;
        for (int i = 0; i < DIMENSIONS; i += 4) {
            a += vectors[offset + i] * query[i];
            b += vectors[offset + i + 1] * query[i + 1];
            c += vectors[offset + i + 2] * query[i + 2];
            d += vectors[offset + i + 3] * query[i + 3];
        }
        return a + b + c + d;
    }

    private Snapshot snapshot(String merchantId) {
        long revision = revision(merchantId);
        Snapshot current = snapshots.get(merchantId);
        if (current != null && current.revision() == revision) {
            return current;
        }
        return snapshots.compute(merchantId, (m, old) -> old != null && old.revision() == revision ? old : load(m, revision));
    }

    /** Loads after reading the revision, so a write in between only makes the next call load again. */
    private Snapshot load(String merchantId, long revision) {
        List<KnowledgeChunk> chunks = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        db.query("SELECT " + CHUNK_COLUMNS + ", embedding FROM knowledge_chunks WHERE merchant_id = ? ORDER BY doc_id, ordinal",
                rs -> {
                    chunks.add(chunk(rs));
                    blobs.add(rs.getBytes("embedding"));
                    return null;
                }, merchantId);
        float[] vectors = new float[chunks.size() * DIMENSIONS];
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            ByteBuffer.wrap(blobs.get(i)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vectors, i * DIMENSIONS, DIMENSIONS);
            positions.put(chunks.get(i).chunkId(), i);
        }
        return new Snapshot(revision, List.copyOf(chunks), vectors, positions);
    }
}
