package dev.nectar.knowledge;

import dev.nectar.platform.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** What both indexes share: the chunk table, its writes and the revision; they differ in vector type and search. */
abstract class JdbcKnowledgeIndex implements KnowledgeIndex {
    static final String CHUNK_COLUMNS = "chunk_id, doc_id, title, heading_path, text, retrieval_text";

    protected final Database db;

    JdbcKnowledgeIndex(Database db) {
        this.db = db;
    }

    /** The vector as the JDBC parameter this database stores. */
    protected abstract Object encode(float[] vector);

    /** The SQL placeholder that turns {@link #encode} into the vector column's type. */
    protected abstract String vectorPlaceholder();

    /** Moves the merchant's revision on by one (creating it at 1). */
    protected abstract void bump(Connection c, String merchantId) throws SQLException;

    @Override
    public void replace(Connection c, String merchantId, String docId, List<EmbeddedChunk> chunks) throws SQLException {
        Database.update(c, "DELETE FROM knowledge_chunks WHERE merchant_id = ? AND doc_id = ?", merchantId, docId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO knowledge_chunks (merchant_id, " + CHUNK_COLUMNS
                + ", ordinal, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + vectorPlaceholder() + ")")) {
            int ordinal = 0;
            for (EmbeddedChunk e : chunks) {
                KnowledgeChunk k = e.chunk();
                if (!k.docId().equals(docId)) {
                    throw new IllegalArgumentException("chunk " + k.chunkId() + " belongs to another document");
                }
                if (e.vector().length != DIMENSIONS) {
                    throw new IllegalArgumentException("vectors must have " + DIMENSIONS + " dimensions");
                }
                ps.setString(1, merchantId);
                ps.setString(2, k.chunkId());
                ps.setString(3, docId);
                ps.setString(4, k.title());
                ps.setString(5, k.headingPath());
                ps.setString(6, k.text());
                ps.setString(7, k.retrievalText());
                ps.setInt(8, ordinal++);
                ps.setObject(9, encode(e.vector()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        bump(c, merchantId);
    }

    @Override
    public void remove(Connection c, String merchantId, String docId) throws SQLException {
        Database.update(c, "DELETE FROM knowledge_chunks WHERE merchant_id = ? AND doc_id = ?", merchantId, docId);
        bump(c, merchantId);
    }

    @Override
    public long revision(String merchantId) {
        return db.queryOne("SELECT revision FROM knowledge_revisions WHERE merchant_id = ?", rs -> rs.getLong(1), merchantId)
                .orElse(0L);
    }

    static KnowledgeChunk chunk(ResultSet rs) throws SQLException {
        return new KnowledgeChunk(rs.getString("chunk_id"), rs.getString("doc_id"), rs.getString("title"),
                rs.getString("heading_path"), rs.getString("text"), rs.getString("retrieval_text"));
    }
}
