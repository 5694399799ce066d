package dev.nectar.images;

import dev.nectar.platform.Database;

import java.util.Optional;

/** Production store: the bytes in {@code image_blobs} (bytea), beside the metadata, so every node sees them. */
public class DatabaseImageStore implements ImageStore {
    private final Database db;

    public DatabaseImageStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(String merchantId, String buyerId, String imageId, byte[] bytes) {
        // image ids are random and never reused, so a plain insert suffices
        db.update("INSERT INTO image_blobs (merchant_id, image_id, buyer_id, content) VALUES (?, ?, ?, ?)",
                merchantId, imageId, buyerId, bytes);
    }

    @Override
    public Optional<byte[]> get(String merchantId, String buyerId, String imageId) {
        return db.queryOne("SELECT content FROM image_blobs WHERE merchant_id = ? AND image_id = ? AND buyer_id = ?",
                rs -> rs.getBytes(1), merchantId, imageId, buyerId);
    }

    @Override
    public void delete(String merchantId, String buyerId, String imageId) {
        db.update("DELETE FROM image_blobs WHERE merchant_id = ? AND image_id = ? AND buyer_id = ?",
                merchantId, imageId, buyerId);
    }
}
