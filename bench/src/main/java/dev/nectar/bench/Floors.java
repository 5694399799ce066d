package dev.nectar.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical floors measured in this process: the in-process embedding the server also runs (same model, same
 * library) for chat turns, retrieval and ingestion.
 */
final class Floors {
    private final EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

    EmbeddingModel model() {
        return model;
    }

    /** Milliseconds of one embedding of each text, after a warm-up, repeated {@code rounds} times. */
    Stats embedding(List<String> texts, int rounds) {
        for (int i = 0; i < 20; i++) {
            model.embed(texts.get(i % texts.size()));
        }
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                long t0 = System.nanoTime();
                model.embed(t);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return Stats.of(ms);
    }

    /** Texts per second when embedding these in batches of 32, as ingestion does. */
    double batchRate(List<String> texts) {
        model.embedAll(texts.subList(0, Math.min(32, texts.size())).stream().map(TextSegment::from).toList());
        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 32) {
            model.embedAll(texts.subList(i, Math.min(texts.size(), i + 32)).stream().map(TextSegment::from).toList());
        }
        return texts.size() / ((System.nanoTime() - t0) / 1e9);
    }
}
