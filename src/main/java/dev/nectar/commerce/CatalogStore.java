package dev.nectar.commerce;

import java.util.List;
import java.util.Optional;

/** A merchant's products. */
public interface CatalogStore {

    void upsert(String merchantId, List<Product> products);

    Optional<Product> find(String merchantId, String sku);

    List<Product> bySpu(String merchantId, String spu);

    /**
     * The merchant's whole catalog, as the same list instance until the catalog changes, so that what callers derive
     * from it can be kept by identity ({@link CatalogDerived}).
     */
    List<Product> all(String merchantId);
}
