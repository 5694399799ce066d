package dev.nectar.merchant;

import dev.nectar.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
        Optional<Merchant> current = db.queryOne("SELECT * FROM merchants WHERE api_key_hash = ?", JdbcMerchantStore::map, apiKeyHash);
        return current.isPresent() ? current : db.queryOne(
                "SELECT m.* FROM merchants m JOIN retired_api_keys r ON r.merchant_id = m.merchant_id "
                        + "WHERE r.key_hash = ? AND r.expires_at > ?", JdbcMerchantStore::map, apiKeyHash, Instant.now());
    }

    @Override
    public void replaceApiKey(String merchantId, String newKeyHash, Duration grace) {
        db.inTransaction(c -> {
            Instant now = Instant.now();
            Database.update(c, "DELETE FROM retired_api_keys WHERE merchant_id = ? AND expires_at <= ?", merchantId, now);
            if (!grace.isZero()) {
                Database.update(c, "INSERT INTO retired_api_keys (key_hash, merchant_id, expires_at) "
                        + "SELECT api_key_hash, merchant_id, ? FROM merchants WHERE merchant_id = ?", now.plus(grace), merchantId);
            }
            return Database.update(c, "UPDATE merchants SET api_key_hash = ? WHERE merchant_id = ?", newKeyHash, merchantId);
        });
    }

    @Override
    public void revokeBuyerTokens(String merchantId, String buyerId, Instant before) {
        db.inTransaction(c -> {
            Database.update(c, "DELETE FROM buyer_token_revocations WHERE merchant_id = ? AND buyer_id = ?", merchantId, buyerId);
            return Database.update(c, "INSERT INTO buyer_token_revocations (merchant_id, buyer_id, revoked_before) VALUES (?, ?, ?)",
                    merchantId, buyerId, before);
        });
    }

    @Override
    public Optional<Instant> buyerTokensRevokedBefore(String merchantId, String buyerId) {
        return db.queryOne("SELECT revoked_before FROM buyer_token_revocations WHERE merchant_id = ? AND buyer_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), merchantId, buyerId);
    }

    private static Merchant map(ResultSet rs) throws SQLException {
        return new Merchant(rs.getString("merchant_id"), rs.getString("name"), rs.getString("locale"),
                rs.getTimestamp("created_at").toInstant());
    }
}
