package dev.nectar.images;

import java.util.Optional;

/** Where image bytes live, per merchant and buyer; metadata and verdicts are in {@link ImageRecords}. */
public interface ImageStore {

    void put(String merchantId, String buyerId, String imageId, byte[] bytes);

    Optional<byte[]> get(String merchantId, String buyerId, String imageId);

    void delete(String merchantId, String buyerId, String imageId);
}
