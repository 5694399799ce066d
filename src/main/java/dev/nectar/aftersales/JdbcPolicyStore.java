package dev.nectar.aftersales;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class JdbcPolicyStore implements PolicyStore {
    private final Database db;

    public JdbcPolicyStore(Database db) {
        this.db = db;
    }

    @Override
    public Policy get(String merchantId) {
        return db.queryOne("SELECT body FROM policies WHERE merchant_id = ?", rs -> Json.read(rs.getString(1), Policy.class), merchantId)
                .map(Policy::withDefaults).orElseGet(Policy::defaults);
    }

    @Override
    public void put(String merchantId, Policy policy) {
        String body = Json.write(policy.withDefaults());
        db.inTransaction(c -> {
            if (Database.update(c, "UPDATE policies SET body = ?, updated_at = ? WHERE merchant_id = ?", body, Instant.now(), merchantId) == 0) {
                Database.update(c, "INSERT INTO policies (merchant_id, body, updated_at) VALUES (?, ?, ?)", merchantId, body, Instant.now());
            }
            return null;
        });
    }
}
