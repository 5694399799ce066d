package dev.nectar.commerce;

import java.util.List;
import java.util.Optional;

/** A merchant's products. */
public interface CatalogStore {

    void upsert(String merchantId, List<Product> products);

    Optional<Product> find(String merchantId, String sku);

    List<Product> bySpu(String merchantId, String spu);

    List<Product> all(String merchantId);
}
