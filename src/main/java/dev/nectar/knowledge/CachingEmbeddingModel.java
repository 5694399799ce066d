package dev.nectar.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the most recently embedded single texts. Buyers ask the same things in the same words
 * (发货时间, a quick-reply button's text) and one turn embeds the same message for its intent and again for a product
 * search; each embedding costs milliseconds of CPU, a lookup microseconds. Batches (ingestion) go straight to the
 * model: document chunks are embedded once. Hits and misses are counted in {@code nectar_embedding_cache_total}.
 */
final class CachingEmbeddingModel implements EmbeddingModel {
    private final EmbeddingModel model;
    private final Map<String, float[]> recent;
    private final Counter hits;
    private final Counter misses;

    CachingEmbeddingModel(EmbeddingModel model, int capacity, MeterRegistry registry) {
        this.model = model;
        this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
        this.hits = Counter.builder("nectar.embedding.cache").tag("result", "hit").register(registry);
        this.misses = Counter.builder("nectar.embedding.cache").tag("result", "miss").register(registry);
    }

    /**
     * Text with nothing to embed (a photo sent without words, once the understanding has normalised the text away)
     * is the zero vector, similar to nothing, instead of the exception the model throws for text its tokenizer
     * reduces to no token.
     */
    @Override
    public Response<Embedding> embed(String text) {
        if (text == null || text.isBlank()) {
            return Response.from(new Embedding(new float[dimension()]));
        }
        try {
            return EmbeddingModel.super.embed(text);
        } catch (IllegalArgumentException noToken) {
            // the tokenizer kept nothing of a text that is not blank to Java (control or format characters and the like)
            return Response.from(new Embedding(new float[dimension()]));
        }
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() != 1) {
            return model.embedAll(segments);
        }
        String text = segments.get(0).text();
        float[] vector;
        synchronized (recent) {
            vector = recent.get(text);
        }
        if (vector != null) {
            hits.increment();
        } else {
            misses.increment();
            vector = model.embedAll(segments).content().get(0).vector();
            synchronized (recent) {
                recent.put(text, vector);
            }
        }
        return Response.from(List.of(new Embedding(vector.clone()))); // callers may not share the cached array
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}
