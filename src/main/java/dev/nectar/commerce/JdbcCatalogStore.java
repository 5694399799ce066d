package dev.nectar.commerce;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcCatalogStore implements CatalogStore {
    private final Database db;

    public JdbcCatalogStore(Database db) {
        this.db = db;
    }

    @Override
    public void upsert(String merchantId, List<Product> products) {
        Instant now = Instant.now();
        db.inTransaction(c -> {
            for (Product p : products) {
                if (Database.update(c, "UPDATE products SET spu = ?, body = ?, updated_at = ? WHERE merchant_id = ? AND sku = ?",
                        p.spu(), Json.write(p), now, merchantId, p.sku()) == 0) {
                    Database.update(c, "INSERT INTO products (merchant_id, sku, spu, body, updated_at) VALUES (?, ?, ?, ?, ?)",
                            merchantId, p.sku(), p.spu(), Json.write(p), now);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Product> find(String merchantId, String sku) {
        return db.queryOne("SELECT body FROM products WHERE merchant_id = ? AND sku = ?", JdbcCatalogStore::map, merchantId, sku);
    }

    @Override
    public List<Product> bySpu(String merchantId, String spu) {
        return db.query("SELECT body FROM products WHERE merchant_id = ? AND spu = ? ORDER BY sku", JdbcCatalogStore::map, merchantId, spu);
    }

    @Override
    public List<Product> all(String merchantId) {
        return db.query("SELECT body FROM products WHERE merchant_id = ? ORDER BY sku", JdbcCatalogStore::map, merchantId);
    }

    private static Product map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Json.read(rs.getString(1), Product.class);
    }
}
