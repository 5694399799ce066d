package dev.nectar.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JdbcAuditLog implements AuditLog {
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };
    private final Database db;

    public JdbcAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void append(String merchantId, AuditEntry.Actor actor, AuditAction action, String target, Map<String, Object> details) {
        db.update("INSERT INTO audit_log (merchant_id, at, actor_kind, actor_id, action, target, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                merchantId, Instant.now(), actor.kind(), actor.id(), action.name(), target, Json.write(details));
    }

    @Override
    public List<AuditEntry> list(String merchantId, Instant from, Instant to, Optional<AuditAction> action, int limit) {
        List<Object> params = new ArrayList<>(List.of(merchantId, from, to));
        String sql = "SELECT * FROM audit_log WHERE merchant_id = ? AND at >= ? AND at < ?";
        if (action.isPresent()) {
            sql += " AND action = ?";
            params.add(action.get().name());
        }
        params.add(limit);
        return db.query(sql + " ORDER BY seq LIMIT ?", JdbcAuditLog::map, params.toArray());
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getTimestamp("at").toInstant().atOffset(ZoneOffset.UTC),
                new AuditEntry.Actor(rs.getString("actor_kind"), rs.getString("actor_id")), rs.getString("action"),
                rs.getString("target"), Json.read(rs.getString("details"), DETAILS));
    }
}
