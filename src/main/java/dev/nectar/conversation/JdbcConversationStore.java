package dev.nectar.conversation;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcConversationStore implements ConversationStore {
    private final Database db;

    public JdbcConversationStore(Database db) {
        this.db = db;
    }

    @Override
    public Conversation create(String merchantId, String buyerId) {
        Instant now = Instant.now();
        Conversation c = new Conversation("cv-" + UUID.randomUUID(), merchantId, buyerId, ConversationStatus.BOT, now, now, null, null);
        db.update("INSERT INTO conversations (conversation_id, merchant_id, buyer_id, status, created_at, updated_at, state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", c.conversationId(), merchantId, buyerId, c.status().name(), now, now,
                Json.write(DialogueState.initial()));
        return c;
    }

    @Override
    public Optional<Conversation> find(String merchantId, String conversationId) {
        return db.queryOne("SELECT * FROM conversations WHERE merchant_id = ? AND conversation_id = ?",
                JdbcConversationStore::map, merchantId, conversationId);
    }

    @Override
    public Optional<Conversation> findResumable(String merchantId, String buyerId, Instant since) {
        return db.queryOne("SELECT * FROM conversations WHERE merchant_id = ? AND buyer_id = ? AND status <> 'CLOSED' "
                + "AND updated_at >= ? ORDER BY updated_at DESC LIMIT 1", JdbcConversationStore::map, merchantId, buyerId, since);
    }

    @Override
    public List<Conversation> list(String merchantId, String buyerId) {
        return buyerId == null
                ? db.query("SELECT * FROM conversations WHERE merchant_id = ? ORDER BY updated_at DESC LIMIT 200",
                JdbcConversationStore::map, merchantId)
                : db.query("SELECT * FROM conversations WHERE merchant_id = ? AND buyer_id = ? ORDER BY updated_at DESC LIMIT 200",
                JdbcConversationStore::map, merchantId, buyerId);
    }

    @Override
    public void append(String conversationId, Turn turn) {
        db.inTransaction(c -> {
            // touching the conversation first locks its row until the turn is in; an erased one takes no more turns
            if (Database.update(c, "UPDATE conversations SET updated_at = ? WHERE conversation_id = ?", Instant.now(), conversationId) == 0) {
                return null;
            }
            // the next number in the same statement: one round trip less on every turn
            Database.update(c, "INSERT INTO turns (conversation_id, seq, role, body, at) "
                    + "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM turns WHERE conversation_id = ?",
                    conversationId, turn.role().name(), Json.write(turn), turn.at(), conversationId);
            return null;
        });
    }

    @Override
    public List<Turn> turns(String conversationId) {
        return db.query("SELECT body FROM turns WHERE conversation_id = ? ORDER BY seq",
                rs -> Json.read(rs.getString(1), Turn.class), conversationId);
    }

    @Override
    public DialogueState state(String conversationId) {
        return db.queryOne("SELECT state FROM conversations WHERE conversation_id = ?",
                rs -> Json.read(rs.getString(1), DialogueState.class), conversationId).orElseGet(DialogueState::initial);
    }

    @Override
    public void saveState(String conversationId, DialogueState state) {
        db.update("UPDATE conversations SET state = ?, updated_at = ? WHERE conversation_id = ?", Json.write(state), Instant.now(), conversationId);
    }

    @Override
    public void setStatus(String conversationId, ConversationStatus status, String handoffId) {
        db.update("UPDATE conversations SET status = ?, handoff_id = COALESCE(?, handoff_id), updated_at = ? WHERE conversation_id = ?",
                status.name(), handoffId, Instant.now(), conversationId);
    }

    @Override
    public void rate(String conversationId, int score) {
        db.update("UPDATE conversations SET rating = ? WHERE conversation_id = ?", score, conversationId);
    }

    @Override
    public List<String> idsOf(String merchantId, String buyerId) {
        return db.query("SELECT conversation_id FROM conversations WHERE merchant_id = ? AND buyer_id = ?",
                rs -> rs.getString(1), merchantId, buyerId);
    }

    @Override
    public int erase(String merchantId, String buyerId) {
        return db.inTransaction(c -> {
            List<String> ids = Database.query(c, "SELECT conversation_id FROM conversations WHERE merchant_id = ? AND buyer_id = ? FOR UPDATE",
                    rs -> rs.getString(1), merchantId, buyerId);
            for (String id : ids) {
                Database.update(c, "DELETE FROM turns WHERE conversation_id = ?", id);
                Database.update(c, "DELETE FROM conversations WHERE conversation_id = ?", id);
            }
            return ids.size();
        });
    }

    private static Conversation map(ResultSet rs) throws SQLException {
        // read as an object: wasNull() would report on the last column read, not on the rating
        Integer rating = rs.getObject("rating", Integer.class);
        return new Conversation(rs.getString("conversation_id"), rs.getString("merchant_id"), rs.getString("buyer_id"),
                ConversationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rating, rs.getString("handoff_id"));
    }
}
