package dev.nectar.knowledge;

import java.util.List;
import java.util.Optional;

/** Finds passages of one merchant's knowledge base for a buyer's question; never another merchant's. */
public interface KnowledgeRetriever {

    /** At most k hits, best first; an empty list when the merchant has no ready documents. */
    List<KnowledgeHit> search(String merchantId, String query, int k);

    /**
     * The hit of the highest score, the evidence of whether the documents answer the question at all. It leads
     * {@link #search} unless the order of close answerable facts was refined, which does not change the highest score.
     */
    Optional<KnowledgeHit> strongest(String merchantId, String query);
}
