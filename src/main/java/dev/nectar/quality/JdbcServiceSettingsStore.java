package dev.nectar.quality;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class JdbcServiceSettingsStore implements ServiceSettingsStore {
    private final Database db;

    public JdbcServiceSettingsStore(Database db) {
        this.db = db;
    }

    @Override
    public ServiceSettings get(String merchantId) {
        return db.queryOne("SELECT body FROM service_settings WHERE merchant_id = ?",
                        rs -> Json.read(rs.getString(1), ServiceSettings.class), merchantId)
                .map(ServiceSettings::withDefaults).orElseGet(ServiceSettings::defaults);
    }

    @Override
    public void put(String merchantId, ServiceSettings settings) {
        String body = Json.write(settings);
        Instant now = Instant.now();
        try {
            if (db.update("UPDATE service_settings SET body = ?, updated_at = ? WHERE merchant_id = ?", body, now, merchantId) == 0) {
                db.update("INSERT INTO service_settings (merchant_id, body, updated_at) VALUES (?, ?, ?)", merchantId, body, now);
            }
        } catch (Database.StoreException e) {
            // a concurrent first write inserted the row: ours is the later one
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            db.update("UPDATE service_settings SET body = ?, updated_at = ? WHERE merchant_id = ?", body, now, merchantId);
        }
    }
}
