package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Presence in the shared database: one row per open console ({@code agent_sessions}, refreshed by its node) and
 * one per agent ({@code agent_presence}: availability and when they were last seen). A node that dies stops
 * refreshing its sessions, which then go stale after three sweeps.
 */
@ApplicationScoped
public class JdbcAgentPresence implements AgentPresence {
    private final Database db;
    private final String nodeId = "node-" + UUID.randomUUID();
    private final Duration staleAfter;

    public JdbcAgentPresence(Database db, NectarConfig config) {
        this.db = db;
        this.staleAfter = config.handoff().sweepEvery().multipliedBy(3);
    }

    @Override
    public void connected(String merchantId, String agentId, String sessionId) {
        Instant now = Instant.now();
        db.update("INSERT INTO agent_sessions (session_id, merchant_id, agent_id, node_id, seen_at) VALUES (?, ?, ?, ?, ?)",
                sessionId, merchantId, agentId, nodeId, now);
        if (db.update("UPDATE agent_presence SET last_seen = ? WHERE merchant_id = ? AND agent_id = ?", now, merchantId, agentId) > 0) {
            return;
        }
        try {
            // an agent who never said otherwise is available once their console is open
            db.update("INSERT INTO agent_presence (merchant_id, agent_id, available, last_seen) VALUES (?, ?, TRUE, ?)",
                    merchantId, agentId, now);
        } catch (Database.StoreException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public void disconnected(String merchantId, String agentId, String sessionId) {
        db.inTransaction(c -> {
            Database.update(c, "DELETE FROM agent_sessions WHERE session_id = ?", sessionId);
            Database.update(c, "UPDATE agent_presence SET last_seen = ? WHERE merchant_id = ? AND agent_id = ?",
                    Instant.now(), merchantId, agentId);
            return null;
        });
    }

    @Override
    public void setAvailable(String merchantId, String agentId, boolean available) {
        db.update("UPDATE agent_presence SET available = ? WHERE merchant_id = ? AND agent_id = ?", available, merchantId, agentId);
    }

    @Override
    public Set<String> available(String merchantId) {
        return new HashSet<>(db.query("SELECT p.agent_id FROM agent_presence p WHERE p.merchant_id = ? AND p.available = TRUE "
                        + "AND EXISTS (SELECT 1 FROM agent_sessions s WHERE s.merchant_id = p.merchant_id AND s.agent_id = p.agent_id "
                        + "AND s.seen_at > ?)",
                rs -> rs.getString(1), merchantId, Instant.now().minus(staleAfter)));
    }

    @Override
    public boolean goneSince(String merchantId, String agentId, Instant cutoff) {
        boolean live = db.queryOne("SELECT COUNT(*) FROM agent_sessions WHERE merchant_id = ? AND agent_id = ? AND seen_at > ?",
                rs -> rs.getInt(1) > 0, merchantId, agentId, Instant.now().minus(staleAfter)).orElse(false);
        if (live) {
            return false;
        }
        return db.queryOne("SELECT last_seen FROM agent_presence WHERE merchant_id = ? AND agent_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), merchantId, agentId).map(seen -> seen.isBefore(cutoff)).orElse(true);
    }

    @Override
    public void heartbeat() {
        Instant now = Instant.now();
        db.inTransaction(c -> {
            Database.update(c, "UPDATE agent_sessions SET seen_at = ? WHERE node_id = ?", now, nodeId);
            Database.update(c, "UPDATE agent_presence SET last_seen = ? WHERE EXISTS (SELECT 1 FROM agent_sessions s "
                    + "WHERE s.node_id = ? AND s.merchant_id = agent_presence.merchant_id AND s.agent_id = agent_presence.agent_id)",
                    now, nodeId);
            Database.update(c, "DELETE FROM agent_sessions WHERE seen_at < ?", now.minus(staleAfter));
            return null;
        });
    }
}
