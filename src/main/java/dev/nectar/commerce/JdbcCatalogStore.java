package dev.nectar.commerce;

import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Products as JSON bodies. {@link #all} is asked on every chat turn, so each node keeps the catalogs of recently
 * served merchants in memory and reloads one only when its revision (moved by every upsert, in the same transaction)
 * has changed: a write on any node is seen by the next read on every node. While unchanged, {@code all} returns the
 * same immutable list, which lets callers cache what they derive from it by identity.
 */
@ApplicationScoped
public class JdbcCatalogStore implements CatalogStore {
    /** Merchants whose catalog stays in memory (a 5,000-product catalog is a few MB). */
    private static final int CACHED_MERCHANTS = 256;

    private record Snapshot(long revision, List<Product> products) {
    }

    private final Database db;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
            return size() > CACHED_MERCHANTS;
        }
    };

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
            bump(c, merchantId);
            return null;
        });
    }

    private void bump(Connection c, String merchantId) throws SQLException {
        if (db.isPostgres()) {
            Database.update(c, "INSERT INTO catalog_revisions (merchant_id, revision) VALUES (?, 1)"
                    + " ON CONFLICT (merchant_id) DO UPDATE SET revision = catalog_revisions.revision + 1", merchantId);
        } else {
            Database.update(c, "MERGE INTO catalog_revisions r USING (VALUES (CAST(? AS VARCHAR(40)))) s(merchant_id)"
                    + " ON r.merchant_id = s.merchant_id"
                    + " WHEN MATCHED THEN UPDATE SET revision = r.revision + 1"
                    + " WHEN NOT MATCHED THEN INSERT (merchant_id, revision) VALUES (s.merchant_id, 1)", merchantId);
        }
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
        // the revision is read before the products: a write in between only makes the next call load again
        long revision = db.queryOne("SELECT revision FROM catalog_revisions WHERE merchant_id = ?", rs -> rs.getLong(1), merchantId)
                .orElse(0L);
        Snapshot cached;
        synchronized (snapshots) {
            cached = snapshots.get(merchantId);
        }
        if (cached != null && cached.revision() == revision) {
            return cached.products();
        }
        List<Product> products = List.copyOf(db.query("SELECT body FROM products WHERE merchant_id = ? ORDER BY sku",
                JdbcCatalogStore::map, merchantId));
        synchronized (snapshots) {
            snapshots.put(merchantId, new Snapshot(revision, products));
        }
        return products;
    }

    private static Product map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Json.read(rs.getString(1), Product.class);
    }
}
