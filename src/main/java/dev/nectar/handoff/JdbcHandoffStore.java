package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcHandoffStore implements HandoffStore {
    private final Database db;

    public JdbcHandoffStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Handoff h) {
        String body = Json.write(h);
        db.inTransaction(c -> {
            if (Database.update(c, "UPDATE handoffs SET status = ?, agent_id = ?, body = ? WHERE handoff_id = ?",
                    h.status().name(), h.agentId(), body, h.handoffId()) == 0) {
                Database.update(c, "INSERT INTO handoffs (handoff_id, merchant_id, conversation_id, status, agent_id, created_at, body) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", h.handoffId(), h.merchantId(), h.conversationId(), h.status().name(),
                        h.agentId(), h.createdAt(), body);
            }
            return null;
        });
    }

    @Override
    public Optional<Handoff> find(String merchantId, String handoffId) {
        return db.queryOne("SELECT body FROM handoffs WHERE merchant_id = ? AND handoff_id = ?", JdbcHandoffStore::map, merchantId, handoffId);
    }

    @Override
    public Optional<Handoff> openFor(String merchantId, String conversationId) {
        return db.queryOne("SELECT body FROM handoffs WHERE merchant_id = ? AND conversation_id = ? AND status <> 'RESOLVED' "
                + "ORDER BY created_at DESC LIMIT 1", JdbcHandoffStore::map, merchantId, conversationId);
    }

    @Override
    public List<Handoff> list(String merchantId, Handoff.Status status) {
        return status == null
                ? db.query("SELECT body FROM handoffs WHERE merchant_id = ? ORDER BY created_at DESC LIMIT 500", JdbcHandoffStore::map, merchantId)
                : db.query("SELECT body FROM handoffs WHERE merchant_id = ? AND status = ? ORDER BY created_at LIMIT 500",
                JdbcHandoffStore::map, merchantId, status.name());
    }

    @Override
    public int ahead(Handoff h) {
        return (int) list(h.merchantId(), Handoff.Status.QUEUED).stream()
                .filter(o -> !o.handoffId().equals(h.handoffId()))
                .filter(o -> o.priority() < h.priority() || (o.priority() == h.priority() && o.createdAt().isBefore(h.createdAt())))
                .count();
    }

    private static Handoff map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Json.read(rs.getString(1), Handoff.class);
    }
}
