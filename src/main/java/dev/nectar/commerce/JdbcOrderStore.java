package dev.nectar.commerce;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcOrderStore implements OrderStore {
    private final Database db;

    public JdbcOrderStore(Database db) {
        this.db = db;
    }

    @Override
    public void upsert(String merchantId, List<Order> orders) {
        Instant now = Instant.now();
        db.inTransaction(c -> {
            for (Order o : orders) {
                String body = Json.write(o);
                if (Database.update(c, "UPDATE orders SET buyer_id = ?, status = ?, created_at = ?, body = ?, updated_at = ? "
                        + "WHERE merchant_id = ? AND order_id = ?", o.buyerId(), o.status().name(), o.createdAt().toInstant(),
                        body, now, merchantId, o.orderId()) == 0) {
                    Database.update(c, "INSERT INTO orders (merchant_id, order_id, buyer_id, status, created_at, body, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", merchantId, o.orderId(), o.buyerId(), o.status().name(),
                            o.createdAt().toInstant(), body, now);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Order> find(String merchantId, String orderId) {
        return db.queryOne("SELECT body FROM orders WHERE merchant_id = ? AND order_id = ?", JdbcOrderStore::map, merchantId, orderId);
    }

    @Override
    public List<Order> byBuyer(String merchantId, String buyerId) {
        return db.query("SELECT body FROM orders WHERE merchant_id = ? AND buyer_id = ? ORDER BY created_at DESC",
                JdbcOrderStore::map, merchantId, buyerId);
    }

    @Override
    public Optional<Order> transition(String merchantId, String orderId, Collection<OrderStatus> from, OrderStatus to) {
        return db.inTransaction(c -> {
            // the status column guards the change, so two concurrent transitions cannot both succeed
            Optional<Order> current = Database.query(c, "SELECT body FROM orders WHERE merchant_id = ? AND order_id = ?",
                    JdbcOrderStore::map, merchantId, orderId).stream().findFirst();
            if (current.isEmpty() || !from.contains(current.get().status())) {
                return Optional.empty();
            }
            Order updated = current.get().withStatus(to);
            int n = Database.update(c, "UPDATE orders SET status = ?, body = ?, updated_at = ? WHERE merchant_id = ? AND order_id = ? AND status = ?",
                    to.name(), Json.write(updated), Instant.now(), merchantId, orderId, current.get().status().name());
            return n == 1 ? Optional.of(updated) : Optional.<Order>empty();
        });
    }

    @Override
    public int anonymise(String merchantId, String buyerId, String pseudonym) {
        return db.inTransaction(c -> {
            List<Order> own = Database.query(c, "SELECT body FROM orders WHERE merchant_id = ? AND buyer_id = ? FOR UPDATE",
                    JdbcOrderStore::map, merchantId, buyerId);
            for (Order o : own) {
                Database.update(c, "UPDATE orders SET buyer_id = ?, body = ?, updated_at = ? WHERE merchant_id = ? AND order_id = ?",
                        pseudonym, Json.write(o.anonymised(pseudonym)), Instant.now(), merchantId, o.orderId());
            }
            return own.size();
        });
    }

    private static Order map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Json.read(rs.getString(1), Order.class);
    }
}
