package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcAgentStore implements AgentStore {
    private final Database db;

    public JdbcAgentStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(Agent agent, String tokenHash) {
        try {
            db.update("INSERT INTO agents (merchant_id, agent_id, token_hash, body, created_at) VALUES (?, ?, ?, ?, ?)",
                    agent.merchantId(), agent.agentId(), tokenHash, Json.write(agent), Instant.now());
            return true;
        } catch (Database.StoreException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean replaceToken(String merchantId, String agentId, String tokenHash) {
        return db.update("UPDATE agents SET token_hash = ? WHERE merchant_id = ? AND agent_id = ?", tokenHash, merchantId, agentId) == 1;
    }

    @Override
    public Optional<Agent> find(String merchantId, String agentId) {
        return db.queryOne("SELECT body FROM agents WHERE merchant_id = ? AND agent_id = ?",
                rs -> Json.read(rs.getString(1), Agent.class), merchantId, agentId);
    }

    @Override
    public Optional<Agent> findByTokenHash(String tokenHash) {
        return db.queryOne("SELECT body FROM agents WHERE token_hash = ?", rs -> Json.read(rs.getString(1), Agent.class), tokenHash);
    }

    @Override
    public List<Agent> list(String merchantId) {
        return db.query("SELECT body FROM agents WHERE merchant_id = ? ORDER BY agent_id",
                rs -> Json.read(rs.getString(1), Agent.class), merchantId);
    }
}
