package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcKnowledgeSuggestionStore implements KnowledgeSuggestionStore {
    private final Database db;

    public JdbcKnowledgeSuggestionStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(KnowledgeSuggestion s) {
        db.update("INSERT INTO knowledge_suggestions (suggestion_id, merchant_id, status, created_at, body) VALUES (?, ?, ?, ?, ?)",
                s.suggestionId(), s.merchantId(), s.status().name(), s.createdAt(), Json.write(s));
    }

    @Override
    public Optional<KnowledgeSuggestion> find(String merchantId, String suggestionId) {
        return db.queryOne("SELECT body FROM knowledge_suggestions WHERE merchant_id = ? AND suggestion_id = ?",
                JdbcKnowledgeSuggestionStore::map, merchantId, suggestionId);
    }

    @Override
    public List<KnowledgeSuggestion> list(String merchantId, KnowledgeSuggestion.Status status) {
        return status == null
                ? db.query("SELECT body FROM knowledge_suggestions WHERE merchant_id = ? ORDER BY created_at DESC LIMIT 500",
                JdbcKnowledgeSuggestionStore::map, merchantId)
                : db.query("SELECT body FROM knowledge_suggestions WHERE merchant_id = ? AND status = ? ORDER BY created_at DESC LIMIT 500",
                JdbcKnowledgeSuggestionStore::map, merchantId, status.name());
    }

    @Override
    public boolean replace(KnowledgeSuggestion expected, KnowledgeSuggestion next) {
        return db.update("UPDATE knowledge_suggestions SET status = ?, body = ? WHERE suggestion_id = ? AND status = ?",
                next.status().name(), Json.write(next), expected.suggestionId(), expected.status().name()) == 1;
    }

    @Override
    public int eraseConversations(String merchantId, Collection<String> conversationIds) {
        // the conversation is only in the body; suggestions are few per merchant, so they are read and filtered here
        return db.inTransaction(c -> {
            int n = 0;
            for (KnowledgeSuggestion s : Database.query(c, "SELECT body FROM knowledge_suggestions WHERE merchant_id = ?",
                    JdbcKnowledgeSuggestionStore::map, merchantId)) {
                if (conversationIds.contains(s.conversationId())) {
                    n += Database.update(c, "DELETE FROM knowledge_suggestions WHERE suggestion_id = ?", s.suggestionId());
                }
            }
            return n;
        });
    }

    private static KnowledgeSuggestion map(ResultSet rs) throws SQLException {
        return Json.read(rs.getString(1), KnowledgeSuggestion.class);
    }
}
