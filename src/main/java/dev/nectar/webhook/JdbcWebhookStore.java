package dev.nectar.webhook;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Endpoints and outbox in the relational database; claims are compare-and-set on the row, so nodes need no lock. */
@ApplicationScoped
public class JdbcWebhookStore implements WebhookStore {
    private static final String DELIVERY_COLUMNS = "delivery_id, webhook_id, event, status, attempts, last_attempt_at, response_status";
    private static final String FREE = "status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
    private final Database db;

    public JdbcWebhookStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(Webhook w, String secret) {
        db.update("INSERT INTO webhooks (webhook_id, merchant_id, url, secret, created_at, body) VALUES (?, ?, ?, ?, ?, ?)",
                w.webhookId(), w.merchantId(), w.url(), secret, w.createdAt(), Json.write(w));
    }

    @Override
    public List<Webhook> list(String merchantId) {
        return db.query("SELECT body FROM webhooks WHERE merchant_id = ? ORDER BY created_at, webhook_id",
                JdbcWebhookStore::webhook, merchantId);
    }

    @Override
    public Optional<Webhook> find(String merchantId, String webhookId) {
        return db.queryOne("SELECT body FROM webhooks WHERE merchant_id = ? AND webhook_id = ?", JdbcWebhookStore::webhook,
                merchantId, webhookId);
    }

    @Override
    public boolean delete(String merchantId, String webhookId) {
        return db.inTransaction(c -> {
            int removed = Database.update(c, "DELETE FROM webhooks WHERE merchant_id = ? AND webhook_id = ?", merchantId, webhookId);
            Database.update(c, "DELETE FROM webhook_deliveries WHERE merchant_id = ? AND webhook_id = ?", merchantId, webhookId);
            return removed == 1;
        });
    }

    @Override
    public int enqueue(Event e, Instant deadline) {
        return db.inTransaction(c -> {
            int queued = 0;
            for (Webhook w : Database.query(c, "SELECT body FROM webhooks WHERE merchant_id = ?", JdbcWebhookStore::webhook,
                    e.merchantId())) {
                if (w.events().contains(e.type())) {
                    queued += Database.update(c, "INSERT INTO webhook_deliveries (delivery_id, webhook_id, merchant_id, event_id, "
                                    + "event, payload, status, attempts, created_at, next_attempt_at, deadline) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)", "dl_" + UUID.randomUUID().toString().replace("-", ""),
                            w.webhookId(), e.merchantId(), e.eventId(), e.type(), e.payload(), e.createdAt(), e.createdAt(), deadline);
                }
            }
            return queued;
        });
    }

    @Override
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        List<String> due = db.query("SELECT delivery_id FROM webhook_deliveries WHERE " + FREE + " ORDER BY next_attempt_at LIMIT ?",
                rs -> rs.getString(1), now, now, limit);
        List<Claimed> mine = new ArrayList<>();
        for (String id : due) {
            String claim = UUID.randomUUID().toString();
            // the same condition again: of two nodes that saw the row free, only the first update matches it
            if (db.update("UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ? WHERE delivery_id = ? AND " + FREE,
                    claim, now.plus(lease), id, now, now) == 1) {
                db.queryOne("SELECT d.delivery_id, d.event_id, d.event, w.url, w.secret, d.payload, d.attempts, d.deadline "
                                + "FROM webhook_deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id WHERE d.delivery_id = ?",
                        rs -> new Claimed(rs.getString(1), claim, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()), id)
                        .ifPresent(mine::add);
            }
        }
        return mine;
    }

    @Override
    public boolean record(Claimed claimed, Instant at, Integer responseStatus, boolean delivered, Instant retryAt) {
        String status = delivered ? "DELIVERED" : retryAt != null ? "PENDING" : "FAILED";
        return db.update("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "response_status = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL "
                        + "WHERE delivery_id = ? AND claimed_by = ?", status, at, responseStatus, retryAt == null ? at : retryAt,
                claimed.deliveryId(), claimed.claim()) == 1;
    }

    @Override
    public List<Delivery> deliveries(String merchantId, String webhookId, int limit) {
        return db.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE merchant_id = ? AND webhook_id = ? "
                + "ORDER BY created_at DESC, delivery_id LIMIT ?", JdbcWebhookStore::delivery, merchantId, webhookId, limit);
    }

    @Override
    public Optional<Delivery> resend(String merchantId, String webhookId, String deliveryId, Instant now, Instant deadline) {
        // dropping the claim also voids the outcome of an attempt in flight: the re-send is sent regardless
        int moved = db.update("UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?, deadline = ?, "
                + "claimed_by = NULL, claimed_until = NULL "
                + "WHERE merchant_id = ? AND webhook_id = ? AND delivery_id = ?", now, deadline, merchantId, webhookId, deliveryId);
        return moved == 0 ? Optional.empty() : db.queryOne("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE delivery_id = ?",
                JdbcWebhookStore::delivery, deliveryId);
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return Json.read(rs.getString(1), Webhook.class);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(6);
        int response = rs.getInt(7);
        Integer responseStatus = rs.wasNull() ? null : response;
        return new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), Delivery.Status.valueOf(rs.getString(4)),
                rs.getInt(5), last == null ? null : last.toInstant(), responseStatus);
    }
}
