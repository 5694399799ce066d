package dev.nectar.merchant;

import dev.nectar.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@ApplicationScoped
public class JdbcMerchantStore implements MerchantStore {
    private final Database db;

    public JdbcMerchantStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(Merchant m, String apiKeyHash) {
        try {
            db.update("INSERT INTO merchants (merchant_id, name, locale, api_key_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    m.merchantId(), m.name(), m.locale(), apiKeyHash, m.createdAt());
            return true;
        } catch (Database.StoreException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Merchant> find(String merchantId) {
        return db.queryOne("SELECT * FROM merchants WHERE merchant_id = ?", JdbcMerchantStore::map, merchantId);
    }

    @Override
    public Optional<Merchant> findByApiKeyHash(String apiKeyHash) {
        return db.queryOne("SELECT * FROM merchants WHERE api_key_hash = ?", JdbcMerchantStore::map, apiKeyHash);
    }

    private static Merchant map(ResultSet rs) throws SQLException {
        return new Merchant(rs.getString("merchant_id"), rs.getString("name"), rs.getString("locale"),
                rs.getTimestamp("created_at").toInstant());
    }
}
