package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queue in the relational database; the JSON body is rewritten with every status change. */
@ApplicationScoped
public class JdbcHandoffStore implements HandoffStore {
    private static final String SERVING_ORDER = " ORDER BY priority, created_at, handoff_id";
    private final Database db;

    public JdbcHandoffStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(Handoff h, int position) {
        db.update("INSERT INTO handoffs (handoff_id, merchant_id, conversation_id, status, agent_id, created_at, priority, "
                        + "skill, last_position, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", h.handoffId(), h.merchantId(),
                h.conversationId(), h.status().name(), h.agentId(), h.createdAt(), h.priority(), h.skill(), position, Json.write(h));
    }

    @Override
    public Optional<Handoff> find(String merchantId, String handoffId) {
        return db.queryOne("SELECT body FROM handoffs WHERE merchant_id = ? AND handoff_id = ?", JdbcHandoffStore::map,
                merchantId, handoffId);
    }

    @Override
    public Optional<Handoff> openFor(String merchantId, String conversationId) {
        return db.queryOne("SELECT body FROM handoffs WHERE merchant_id = ? AND conversation_id = ? AND status <> 'RESOLVED' "
                + "ORDER BY created_at DESC LIMIT 1", JdbcHandoffStore::map, merchantId, conversationId);
    }

    @Override
    public List<Handoff> list(String merchantId, Handoff.Status status) {
        return status == null
                ? db.query("SELECT body FROM handoffs WHERE merchant_id = ? ORDER BY created_at DESC LIMIT 500",
                JdbcHandoffStore::map, merchantId)
                : db.query("SELECT body FROM handoffs WHERE merchant_id = ? AND status = ?" + SERVING_ORDER + " LIMIT 500",
                JdbcHandoffStore::map, merchantId, status.name());
    }

    @Override
    public List<Waiting> queue(String merchantId) {
        return db.query("SELECT body, last_position FROM handoffs WHERE merchant_id = ? AND status = 'QUEUED'" + SERVING_ORDER,
                rs -> {
                    int p = rs.getInt(2);
                    return new Waiting(map(rs), rs.wasNull() ? null : p);
                }, merchantId);
    }

    @Override
    public int ahead(Handoff h) {
        return db.queryOne("SELECT COUNT(*) FROM handoffs WHERE merchant_id = ? AND status = 'QUEUED' AND handoff_id <> ? "
                        + "AND (priority < ? OR (priority = ? AND created_at < ?))", rs -> rs.getInt(1),
                h.merchantId(), h.handoffId(), h.priority(), h.priority(), h.createdAt()).orElse(0);
    }

    @Override
    public void notified(String handoffId, int position) {
        db.update("UPDATE handoffs SET last_position = ? WHERE handoff_id = ?", position, handoffId);
    }

    @Override
    public List<Handoff> ofConversation(String merchantId, String conversationId) {
        return db.query("SELECT body FROM handoffs WHERE merchant_id = ? AND conversation_id = ? ORDER BY created_at",
                JdbcHandoffStore::map, merchantId, conversationId);
    }

    @Override
    public List<Handoff> heldBy(String merchantId, String agentId) {
        return db.query("SELECT body FROM handoffs WHERE merchant_id = ? AND agent_id = ? AND status = 'ASSIGNED' ORDER BY created_at",
                JdbcHandoffStore::map, merchantId, agentId);
    }

    @Override
    public Map<String, Integer> loads(String merchantId) {
        Map<String, Integer> loads = new HashMap<>();
        db.query("SELECT agent_id, COUNT(*) FROM handoffs WHERE merchant_id = ? AND status = 'ASSIGNED' GROUP BY agent_id",
                rs -> loads.put(rs.getString(1), rs.getInt(2)), merchantId);
        return loads;
    }

    @Override
    public Optional<Handoff> claim(Handoff queued, String agentId, int capacity, boolean generalFallback, Instant at) {
        Handoff assigned = queued.assignedTo(agentId, at, generalFallback);
        return db.inTransaction(c -> {
            // the agent's registration row is the lock that lines up claims for one agent across nodes
            if (Database.query(c, "SELECT agent_id FROM agents WHERE merchant_id = ? AND agent_id = ? FOR UPDATE",
                    rs -> rs.getString(1), queued.merchantId(), agentId).isEmpty()) {
                return Optional.empty();
            }
            int load = Database.query(c, "SELECT COUNT(*) FROM handoffs WHERE merchant_id = ? AND agent_id = ? AND status = 'ASSIGNED'",
                    rs -> rs.getInt(1), queued.merchantId(), agentId).get(0);
            if (load >= capacity) {
                return Optional.empty();
            }
            int claimed = Database.update(c, "UPDATE handoffs SET status = 'ASSIGNED', agent_id = ?, body = ? "
                    + "WHERE handoff_id = ? AND status = 'QUEUED'", agentId, Json.write(assigned), queued.handoffId());
            return claimed == 1 ? Optional.of(assigned) : Optional.empty();
        });
    }

    @Override
    public boolean replace(Handoff expected, Handoff next) {
        return db.update("UPDATE handoffs SET status = ?, agent_id = ?, body = ?, last_position = NULL "
                        + "WHERE handoff_id = ? AND status = ? AND agent_id IS NOT DISTINCT FROM ?",
                next.status().name(), next.agentId(), Json.write(next), expected.handoffId(), expected.status().name(),
                expected.agentId()) == 1;
    }

    @Override
    public List<Handoff> abandoned() {
        return db.query("SELECT h.body FROM handoffs h JOIN conversations c ON c.conversation_id = h.conversation_id "
                + "WHERE h.status = 'QUEUED' AND c.status = 'CLOSED' LIMIT 500", JdbcHandoffStore::map);
    }

    @Override
    public List<String> merchantsWaiting() {
        return db.query("SELECT DISTINCT merchant_id FROM handoffs WHERE status = 'QUEUED'", rs -> rs.getString(1));
    }

    @Override
    public List<Holder> holders() {
        return db.query("SELECT DISTINCT merchant_id, agent_id FROM handoffs WHERE status = 'ASSIGNED'",
                rs -> new Holder(rs.getString(1), rs.getString(2)));
    }

    @Override
    public int eraseConversations(String merchantId, Collection<String> conversationIds) {
        return db.inTransaction(c -> {
            int n = 0;
            for (String id : conversationIds) {
                n += Database.update(c, "DELETE FROM handoffs WHERE merchant_id = ? AND conversation_id = ?", merchantId, id);
            }
            return n;
        });
    }

    private static Handoff map(ResultSet rs) throws SQLException {
        return Json.read(rs.getString(1), Handoff.class);
    }
}
