package dev.nectar.quality;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

@ApplicationScoped
public class JdbcQualityStore implements QualityStore {
    private static final int MAX_LISTED = 1000;
    private final Database db;

    public JdbcQualityStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Due> due(Instant idleBefore, Instant staleBefore, int limit) {
        return db.query("SELECT c.merchant_id, c.conversation_id FROM conversations c "
                        + "LEFT JOIN quality_records q ON q.conversation_id = c.conversation_id "
                        + "WHERE (c.status = 'CLOSED' OR c.updated_at < ?) "
                        + "AND (q.conversation_id IS NULL OR (q.status = 'CLAIMED' AND q.claimed_at < ?)) "
                        + "ORDER BY c.updated_at LIMIT " + limit,
                rs -> new Due(rs.getString(1), rs.getString(2)), idleBefore, staleBefore);
    }

    @Override
    public boolean claim(String merchantId, String conversationId, String node, Instant now, Instant staleBefore) {
        try {
            db.update("INSERT INTO quality_records (conversation_id, merchant_id, status, node, claimed_at) VALUES (?, ?, 'CLAIMED', ?, ?)",
                    conversationId, merchantId, node, now);
            return true;
        } catch (Database.StoreException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            // someone holds it; only a claim abandoned by its node is taken over, and only by one taker
            return db.update("UPDATE quality_records SET node = ?, claimed_at = ? WHERE conversation_id = ? "
                    + "AND status = 'CLAIMED' AND claimed_at < ?", node, now, conversationId, staleBefore) == 1;
        }
    }

    @Override
    public boolean save(String merchantId, QualityRecord record, String node) {
        return db.inTransaction(c -> {
            if (Database.update(c, "UPDATE quality_records SET status = 'DONE', inspected_at = ?, score = ?, body = ? "
                            + "WHERE conversation_id = ? AND merchant_id = ? AND node = ? AND status = 'CLAIMED'",
                    record.inspectedAt(), record.score(), Json.write(record), record.conversationId(), merchantId, node) == 0) {
                return false;
            }
            for (QualityRecord.AgentShare a : record.agents()) {
                Database.update(c, "INSERT INTO quality_agents (conversation_id, agent_id, merchant_id, inspected_at) VALUES (?, ?, ?, ?)",
                        record.conversationId(), a.agentId(), merchantId, record.inspectedAt());
            }
            return true;
        });
    }

    @Override
    public Optional<QualityRecord> find(String merchantId, String conversationId) {
        return db.queryOne("SELECT body FROM quality_records WHERE merchant_id = ? AND conversation_id = ? AND status = 'DONE'",
                rs -> Json.read(rs.getString(1), QualityRecord.class), merchantId, conversationId);
    }

    @Override
    public List<QualityRecord> list(String merchantId, Instant from, Instant to, String agentId) {
        String order = " ORDER BY q.score, q.inspected_at DESC LIMIT " + MAX_LISTED;
        return agentId == null
                ? db.query("SELECT q.body FROM quality_records q WHERE q.merchant_id = ? AND q.status = 'DONE' "
                        + "AND q.inspected_at >= ? AND q.inspected_at < ?" + order,
                rs -> Json.read(rs.getString(1), QualityRecord.class), merchantId, from, to)
                : db.query("SELECT q.body FROM quality_agents a JOIN quality_records q ON q.conversation_id = a.conversation_id "
                        + "WHERE a.merchant_id = ? AND a.agent_id = ? AND a.inspected_at >= ? AND a.inspected_at < ?" + order,
                rs -> Json.read(rs.getString(1), QualityRecord.class), merchantId, agentId, from, to);
    }

    @Override
    public Optional<QualityRecord> update(String merchantId, String conversationId, UnaryOperator<QualityRecord> change) {
        return db.inTransaction(c -> {
            List<QualityRecord> current = Database.query(c, "SELECT body FROM quality_records WHERE merchant_id = ? "
                            + "AND conversation_id = ? AND status = 'DONE' FOR UPDATE",
                    rs -> Json.read(rs.getString(1), QualityRecord.class), merchantId, conversationId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            QualityRecord next = change.apply(current.get(0));
            Database.update(c, "UPDATE quality_records SET score = ?, body = ? WHERE conversation_id = ?",
                    next.score(), Json.write(next), conversationId);
            return Optional.of(next);
        });
    }

    @Override
    public int eraseConversations(String merchantId, Collection<String> conversationIds) {
        return db.inTransaction(c -> {
            int n = 0;
            for (String id : conversationIds) {
                Database.update(c, "DELETE FROM quality_agents WHERE merchant_id = ? AND conversation_id = ?", merchantId, id);
                n += Database.update(c, "DELETE FROM quality_records WHERE merchant_id = ? AND conversation_id = ?", merchantId, id);
            }
            return n;
        });
    }
}
