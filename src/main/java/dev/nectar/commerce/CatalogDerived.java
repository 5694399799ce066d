package dev.nectar.commerce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a feature derives from a merchant's catalog (a title index, a vocabulary), kept until the catalog changes.
 * {@link CatalogStore#all} hands out the same list while a catalog is unchanged, so the list's identity tells, with no
 * hashing or comparing of a whole catalog on every turn. One entry per merchant, for the most recently served ones.
 */
public final class CatalogDerived<T> {
    private static final int MERCHANTS = 256;

    private record Entry<T>(List<Product> source, T value) {
    }

    private final BiFunction<String, List<Product>, T> derive;
    private final Map<String, Entry<T>> byMerchant = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
            return size() > MERCHANTS;
        }
    };

    /** @param derive builds the value from a merchant id and that merchant's catalog */
    public CatalogDerived(BiFunction<String, List<Product>, T> derive) {
        this.derive = derive;
    }

    /** The value for this catalog of the merchant, derived again only when the catalog is another list. */
    public T get(String merchantId, List<Product> catalog) {
        synchronized (byMerchant) {
            Entry<T> e = byMerchant.get(merchantId);
            if (e != null && e.source() == catalog) {
                return e.value();
            }
        }
        // derived outside the lock; two turns racing on a changed catalog derive it twice, harmlessly
        T value = derive.apply(merchantId, catalog);
        synchronized (byMerchant) {
            byMerchant.put(merchantId, new Entry<>(catalog, value));
        }
        return value;
    }
}
