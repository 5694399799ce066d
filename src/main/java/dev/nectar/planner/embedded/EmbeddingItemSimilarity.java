package dev.nectar.planner.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Item closeness by the in-process embeddings: a buyer's typo (牛拍), abbreviation (充电头 for 快充头) or English word
 * lands near the title it means. Titles repeat from turn to turn, so the embedding cache answers most of them.
 */
@ApplicationScoped
class EmbeddingItemSimilarity implements ItemSimilarity {
    private final EmbeddingModel embeddings;

    EmbeddingItemSimilarity(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public double between(String words, String titles) {
        return CosineSimilarity.between(embeddings.embed(words).content(), embeddings.embed(titles).content());
    }
}
