package dev.nectar.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Tuning of ingestion and retrieval; the retrieval numbers are calibrated by {@code KnowledgeRecallTest}. */
@ConfigMapping(prefix = "nectar.knowledge")
public interface KnowledgeConfig {

    /**
     * BGE's instruction put before a query (not before passages). Without it the query's embedding is the message's
     * own, which the planner's decision model has already computed, so a turn embeds once.
     */
    Optional<String> queryInstruction();

    /** Fused score (0..1) from which a hit counts as an answer; below it the bot says it does not know. */
    @WithDefault("0.25")
    double answerableThreshold();

    /**
     * Fused score from which the closest facts below the answerable threshold are offered as a guess the bot says it
     * is not sure of (status UNSURE, a strike as much as "not found"); at or above the answerable threshold: never.
     */
    @WithDefault("0.15")
    double tentativeThreshold();

    /** Share of the vector similarity in the fused score; the rest is the lexical (bigram BM25) score. */
    @WithDefault("0.5")
    double vectorWeight();

    /** Cosine similarity that counts as unrelated (maps to 0) for this embedding model. */
    @WithDefault("0.45")
    double cosineFloor();

    /** Cosine similarity that counts as a paraphrase (maps to 1) for this embedding model. */
    @WithDefault("0.75")
    double cosineCeiling();

    /**
     * Upper bound of a fact's text in characters (a Chinese character is about one model token): a longer paragraph is
     * cut into sentences packed up to this. One fact per unit both finds it better and answers the buyer with it alone.
     */
    @WithDefault("120")
    int chunkChars();

    /** Ingestion threads; each embeds its batch's texts in parallel on the embedding model's own executor. */
    @WithDefault("1")
    int ingestThreads();

    /** Documents waiting for ingestion before uploads are refused with 429 (a waiting PDF holds its bytes). */
    @WithDefault("50")
    int ingestQueue();

    /** How long an upload waits for its ingestion so small documents come back READY at once. */
    @WithDefault("PT5S")
    Duration uploadWait();

    /** Single texts (buyer messages, queries) whose vectors are kept for reuse: 2 KB each. */
    @WithDefault("10000")
    int embeddingCacheSize();
}
