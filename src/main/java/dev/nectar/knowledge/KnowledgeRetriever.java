package dev.nectar.knowledge;

import java.util.List;

/** Finds passages of one merchant's knowledge base for a buyer's question; never another merchant's. */
public interface KnowledgeRetriever {

    /** At most k hits, best first; an empty list when the merchant has no ready documents. */
    List<KnowledgeHit> search(String merchantId, String query, int k);
}
