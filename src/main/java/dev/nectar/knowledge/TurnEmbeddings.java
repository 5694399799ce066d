package dev.nectar.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One embedding per text per buyer turn. A turn reads its message several times, for the intent's features, the
 * knowledge evidence, the knowledge tool and the recommender, each through this model; within {@link #during} the
 * first reading's vector serves the others, whether or not the cache of recent texts ({@link CachingEmbeddingModel},
 * below this) is on. A turn runs on one thread from its first plan step to its answer, so the memo is that thread's
 * and is dropped with the turn. Outside a turn (ingestion, HTTP search) texts go straight to the model below.
 */
public final class TurnEmbeddings implements EmbeddingModel {
    private static final ThreadLocal<Map<String, float[]>> TURN = new ThreadLocal<>();

    private final EmbeddingModel model;

    TurnEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** Runs one buyer turn; a turn inside a turn shares the outer one's memo. */
    public static <T> T during(Supplier<T> turn) {
        if (TURN.get() != null) {
            return turn.get();
        }
        TURN.set(new HashMap<>());
        try {
            return turn.get();
        } finally {
            TURN.remove();
        }
    }

    @Override
    public Response<Embedding> embed(String text) {
        Map<String, float[]> memo = TURN.get();
        if (memo == null) {
            return model.embed(text);
        }
        float[] vector = memo.computeIfAbsent(text, t -> model.embed(t).content().vector());
        return Response.from(new Embedding(vector.clone())); // callers may not share the memo's array
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}
