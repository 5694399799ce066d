package dev.nectar.images;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcImageRecords implements ImageRecords {
    private static final TypeReference<List<Signal>> SIGNALS = new TypeReference<>() {
    };
    private static final String IMAGE_COLUMNS = "SELECT merchant_id, buyer_id, image_id, format, width, height, size_bytes, "
            + "sha256, phash, captured_at, created_at FROM images ";

    private final Database db;

    public JdbcImageRecords(Database db) {
        this.db = db;
    }

    @Override
    public void insert(StoredImage i, List<Signal> imageSignals, Verification verification) {
        db.update("INSERT INTO images (merchant_id, image_id, buyer_id, format, width, height, size_bytes, sha256, phash, "
                        + "captured_at, image_signals, verification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.merchantId(), i.imageId(), i.buyerId(), i.format().name(), i.width(), i.height(), i.sizeBytes(),
                i.sha256(), i.phash(), i.capturedAt() == null ? null : i.capturedAt().toInstant(),
                Json.write(imageSignals),
                Json.write(verification), i.createdAt().toInstant());
    }

    @Override
    public Optional<StoredImage> find(String merchantId, String buyerId, String imageId) {
        return db.queryOne(IMAGE_COLUMNS + "WHERE merchant_id = ? AND buyer_id = ? AND image_id = ?",
                JdbcImageRecords::image, merchantId, buyerId, imageId);
    }

    @Override
    public Optional<StoredImage> find(String merchantId, String imageId) {
        return db.queryOne(IMAGE_COLUMNS + "WHERE merchant_id = ? AND image_id = ?", JdbcImageRecords::image, merchantId, imageId);
    }

    @Override
    public List<Signal> imageSignals(String merchantId, String imageId) {
        return db.queryOne("SELECT image_signals FROM images WHERE merchant_id = ? AND image_id = ?",
                rs -> Json.read(rs.getString(1), SIGNALS), merchantId, imageId).orElse(List.of());
    }

    @Override
    public Optional<Verification> verification(String merchantId, String imageId) {
        return db.queryOne("SELECT verification FROM images WHERE merchant_id = ? AND image_id = ?",
                rs -> Json.read(rs.getString(1), Verification.class), merchantId, imageId);
    }

    @Override
    public void saveVerification(String merchantId, String imageId, Verification verification) {
        db.update("UPDATE images SET verification = ? WHERE merchant_id = ? AND image_id = ?",
                Json.write(verification), merchantId, imageId);
    }

    @Override
    public void recordEvidence(String merchantId, Evidence e) {
        try {
            db.update("INSERT INTO image_evidence (merchant_id, image_id, order_id, buyer_id, sha256, phash, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", merchantId, e.imageId(), e.orderId(), e.buyerId(), e.sha256(),
                    e.phash(), Instant.now());
        } catch (Database.StoreException ex) {
            if (!Database.isUniqueViolation(ex)) {
                throw ex;
            }
        }
    }

    @Override
    public List<Evidence> evidenceElsewhere(String merchantId, String orderId, String buyerId) {
        return db.query("SELECT image_id, order_id, buyer_id, sha256, phash FROM image_evidence "
                        + "WHERE merchant_id = ? AND NOT (order_id = ? AND buyer_id = ?)",
                rs -> new Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5)), merchantId, orderId, buyerId);
    }

    @Override
    public List<String> idsOf(String merchantId, String buyerId) {
        return db.query("SELECT image_id FROM images WHERE merchant_id = ? AND buyer_id = ?", rs -> rs.getString(1),
                merchantId, buyerId);
    }

    @Override
    public int erase(String merchantId, String buyerId) {
        return db.inTransaction(c -> {
            Database.update(c, "DELETE FROM image_evidence WHERE merchant_id = ? AND buyer_id = ?", merchantId, buyerId);
            return Database.update(c, "DELETE FROM images WHERE merchant_id = ? AND buyer_id = ?", merchantId, buyerId);
        });
    }

    private static StoredImage image(ResultSet rs) throws SQLException {
        return new StoredImage(rs.getString(1), rs.getString(2), rs.getString(3), ImageFormat.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getString(8), (Long) rs.getObject(9),
                time(rs.getTimestamp(10)), time(rs.getTimestamp(11)));
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
