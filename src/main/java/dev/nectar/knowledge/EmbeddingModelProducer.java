package dev.nectar.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The in-process Chinese embedding model (bge-small-zh-v1.5, quantised, 512 dimensions) shared by every feature:
 * one ONNX thread per call ({@link OnnxBgeSmallZhModel}) behind a cache of recent texts ({@link CachingEmbeddingModel}),
 * behind a buyer turn's memo ({@link TurnEmbeddings}).
 * Not a default bean: the OpenAI extension registers a default EmbeddingModel of its own, and this one must win.
 */
@ApplicationScoped
public class EmbeddingModelProducer {

    /** Not a default bean: quarkus-langchain4j adds its own default EmbeddingModel bean, which this one must win over. */
    @Produces
    @ApplicationScoped
    EmbeddingModel embeddingModel(KnowledgeConfig config, MeterRegistry registry) {
        return new TurnEmbeddings(new CachingEmbeddingModel(new OnnxBgeSmallZhModel(), config.embeddingCacheSize(), registry));
    }
}
