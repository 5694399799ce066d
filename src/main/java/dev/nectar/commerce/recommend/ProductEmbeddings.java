package dev.nectar.commerce.recommend;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.commerce.Product;
import dev.nectar.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Product vectors per merchant, kept in memory. An entry remembers a hash of the text it was made from, so a
 * product whose title, tags or description changed in a catalog upsert is embedded again on next use, and
 * products gone from the catalog are dropped: no event from the catalog is needed.
 */
@ApplicationScoped
public class ProductEmbeddings {
    /** {@code source} is the product the vector was made from: the same instance needs no hashing to be current. */
    private record Entry(Product source, String textHash, Embedding vector) {
        boolean current(Product p) {
            return source == p || textHash.equals(Secrets.sha256(text(p)));
        }
    }

    private final EmbeddingModel model;
    private final Map<String, Map<String, Entry>> byMerchant = new ConcurrentHashMap<>();

    public ProductEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** What a product is about, as one text for the embedding model. */
    static String text(Product p) {
        String attributes = p.attributes() == null ? "" : String.join(" ", p.attributes().values());
        String tags = p.tags() == null ? "" : String.join(" ", p.tags());
        return String.join(" ", p.title(), p.category(), tags, attributes, p.description() == null ? "" : p.description());
    }

    /** Vectors of these products of the merchant; only new or changed ones go through the model. */
    public Map<String, Embedding> of(String merchantId, Collection<Product> products) {
        Map<String, Entry> cache = byMerchant.computeIfAbsent(merchantId, k -> new ConcurrentHashMap<>());
        List<Product> stale = products.stream().filter(p -> cache.get(p.sku()) == null || !cache.get(p.sku()).current(p)).toList();
        if (!stale.isEmpty()) {
            List<Embedding> vectors = model.embedAll(stale.stream().map(p -> TextSegment.from(text(p))).toList()).content();
            for (int i = 0; i < stale.size(); i++) {
                Product p = stale.get(i);
                cache.put(p.sku(), new Entry(p, Secrets.sha256(text(p)), vectors.get(i)));
            }
        }
        Map<String, Embedding> out = new HashMap<>();
        products.forEach(p -> out.put(p.sku(), cache.get(p.sku()).vector()));
        return out;
    }

    /** Forgets products no longer in the merchant's catalog. */
    public void retain(String merchantId, Set<String> skus) {
        Map<String, Entry> cache = byMerchant.get(merchantId);
        if (cache != null) {
            cache.keySet().retainAll(skus);
        }
    }

    public Embedding embed(String text) {
        return model.embed(text).content();
    }
}
