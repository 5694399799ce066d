package dev.nectar.knowledge;

import dev.nectar.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The document table (portable SQL, the same on H2 and PostgreSQL). Each (re)upload of a document starts a new
 * generation; an ingestion may only write while its generation is current, which fences off a job that was
 * overtaken by a newer upload or a delete.
 */
@ApplicationScoped
public class KnowledgeDocuments {
    private static final String COLUMNS = "doc_id, title, source_name, doc_type, status, chunks, reason, bytes, created_at, updated_at";

    /** The identity of one ingestion: the document and the generation it belongs to. */
    record Slot(String docId, int generation) {
    }

    private final Database db;

    public KnowledgeDocuments(Database db) {
        this.db = db;
    }

    public Optional<KnowledgeDocument> find(String merchantId, String docId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM knowledge_documents WHERE merchant_id = ? AND doc_id = ?",
                KnowledgeDocuments::map, merchantId, docId);
    }

    public List<KnowledgeDocument> list(String merchantId) {
        return db.query("SELECT " + COLUMNS + " FROM knowledge_documents WHERE merchant_id = ? ORDER BY created_at, doc_id",
                KnowledgeDocuments::map, merchantId);
    }

    /** The document with this source name, locked for the rest of the transaction. */
    Optional<Slot> lockBySource(Connection c, String merchantId, String sourceName) throws SQLException {
        return Database.query(c, "SELECT doc_id, generation FROM knowledge_documents WHERE merchant_id = ? AND source_name = ? FOR UPDATE",
                rs -> new Slot(rs.getString(1), rs.getInt(2)), merchantId, sourceName).stream().findFirst();
    }

    /** The document's current generation, locked for the rest of the transaction; empty once it is deleted. */
    Optional<Integer> lockGeneration(Connection c, String merchantId, String docId) throws SQLException {
        return Database.query(c, "SELECT generation FROM knowledge_documents WHERE merchant_id = ? AND doc_id = ? FOR UPDATE",
                rs -> rs.getInt(1), merchantId, docId).stream().findFirst();
    }

    void insert(Connection c, String merchantId, Slot slot, String sourceName, String title, DocumentType type, long bytes)
            throws SQLException {
        Instant now = Instant.now();
        Database.update(c, "INSERT INTO knowledge_documents (merchant_id, doc_id, source_name, title, doc_type, status, chunks,"
                        + " bytes, generation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                merchantId, slot.docId(), sourceName, title, type.name(), DocumentStatus.PROCESSING.name(), bytes,
                slot.generation(), now, now);
    }

    /** Starts the document over as PROCESSING under a new generation (its chunks are removed by the caller). */
    void restart(Connection c, String merchantId, Slot slot, String title, DocumentType type, long bytes) throws SQLException {
        Database.update(c, "UPDATE knowledge_documents SET title = ?, doc_type = ?, status = ?, chunks = 0, reason = NULL,"
                        + " bytes = ?, generation = ?, updated_at = ? WHERE merchant_id = ? AND doc_id = ?",
                title, type.name(), DocumentStatus.PROCESSING.name(), bytes, slot.generation(), Instant.now(),
                merchantId, slot.docId());
    }

    void markReady(Connection c, String merchantId, String docId, int chunks) throws SQLException {
        Database.update(c, "UPDATE knowledge_documents SET status = ?, chunks = ?, reason = NULL, updated_at = ?"
                + " WHERE merchant_id = ? AND doc_id = ?", DocumentStatus.READY.name(), chunks, Instant.now(), merchantId, docId);
    }

    void markFailed(String merchantId, Slot slot, String reason) {
        db.update("UPDATE knowledge_documents SET status = ?, chunks = 0, reason = ?, updated_at = ?"
                        + " WHERE merchant_id = ? AND doc_id = ? AND generation = ?",
                DocumentStatus.FAILED.name(), reason, Instant.now(), merchantId, slot.docId(), slot.generation());
    }

    /** Shows the ingestion is alive; false when the document was deleted or re-uploaded meanwhile. */
    boolean heartbeat(String merchantId, Slot slot) {
        return db.update("UPDATE knowledge_documents SET updated_at = ? WHERE merchant_id = ? AND doc_id = ? AND generation = ?",
                Instant.now(), merchantId, slot.docId(), slot.generation()) == 1;
    }

    void delete(Connection c, String merchantId, String docId) throws SQLException {
        Database.update(c, "DELETE FROM knowledge_documents WHERE merchant_id = ? AND doc_id = ?", merchantId, docId);
    }

    /** Marks FAILED every document still PROCESSING whose ingestion last showed life before the cutoff. */
    int failStale(Instant cutoff, String reason) {
        return db.update("UPDATE knowledge_documents SET status = ?, reason = ?, updated_at = ? WHERE status = ? AND updated_at < ?",
                DocumentStatus.FAILED.name(), reason, Instant.now(), DocumentStatus.PROCESSING.name(), cutoff);
    }

    private static KnowledgeDocument map(ResultSet rs) throws SQLException {
        return new KnowledgeDocument(rs.getString("doc_id"), rs.getString("title"), rs.getString("source_name"),
                DocumentType.valueOf(rs.getString("doc_type")), DocumentStatus.valueOf(rs.getString("status")),
                rs.getInt("chunks"), rs.getString("reason"), rs.getLong("bytes"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
