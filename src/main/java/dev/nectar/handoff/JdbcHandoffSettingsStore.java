package dev.nectar.handoff;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class JdbcHandoffSettingsStore implements HandoffSettingsStore {
    private final Database db;

    public JdbcHandoffSettingsStore(Database db) {
        this.db = db;
    }

    @Override
    public HandoffSettings get(String merchantId) {
        return db.queryOne("SELECT body FROM handoff_settings WHERE merchant_id = ?",
                        rs -> Json.read(rs.getString(1), HandoffSettings.class), merchantId)
                .map(HandoffSettings::withDefaults).orElseGet(HandoffSettings::defaults);
    }

    @Override
    public void put(String merchantId, HandoffSettings settings) {
        String body = Json.write(settings);
        db.inTransaction(c -> {
            if (Database.update(c, "UPDATE handoff_settings SET body = ?, updated_at = ? WHERE merchant_id = ?",
                    body, Instant.now(), merchantId) == 0) {
                Database.update(c, "INSERT INTO handoff_settings (merchant_id, body, updated_at) VALUES (?, ?, ?)",
                        merchantId, body, Instant.now());
            }
            return null;
        });
    }
}
