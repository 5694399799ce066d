package dev.nectar.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachingEmbeddingModelTest {

    /** A model whose vector is the text's length and how many times it was asked, so a recomputation shows. */
    private static class CountingModel implements EmbeddingModel {
        final List<String> asked = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                asked.add(s.text());
                out.add(new Embedding(new float[]{s.text().length(), asked.size()}));
            }
            return Response.from(out);
        }

        @Override
        public int dimension() {
            return 2;
        }
    }

    @Test
    void aRepeatedTextIsServedFromMemoryAndCounted() {
        CountingModel model = new CountingModel();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CachingEmbeddingModel cached = new CachingEmbeddingModel(model, 10, registry);

        float[] first = cached.embed("什么时候发货").content().vector();
        float[] again = cached.embed("什么时候发货").content().vector();
        cached.embed("可以开发票吗");

        assertThat(again).containsExactly(first);
        assertThat(model.asked).containsExactly("什么时候发货", "可以开发票吗");
        assertThat(registry.get("nectar.embedding.cache").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(registry.get("nectar.embedding.cache").tag("result", "miss").counter().count()).isEqualTo(2);
    }

    /** Text the model's tokenizer reduces to nothing (found by InputFuzzTest: a buyer text of control characters). */
    @Test
    void textWithNoTokenIsTheZeroVector() {
        CountingModel model = new CountingModel();
        CachingEmbeddingModel cached = new CachingEmbeddingModel(model, 10, new SimpleMeterRegistry());
        assertThat(cached.embed(" \u3000\t").content().vector()).containsOnly(0f);
        assertThat(model.asked).isEmpty();
        // the ONNX model refuses text its tokenizer keeps no token of, as IllegalArgumentException
        EmbeddingModel refusing = new CountingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
            }
        };
        assertThat(new CachingEmbeddingModel(refusing, 10, new SimpleMeterRegistry()).embed("\u0016\u200b").content().vector())
                .containsOnly(0f);
    }

    @Test
    void callersCannotChangeTheCachedVector() {
        CachingEmbeddingModel cached = new CachingEmbeddingModel(new CountingModel(), 10, new SimpleMeterRegistry());
        cached.embed("退货地址").content().vector()[0] = 99;
        assertThat(cached.embed("退货地址").content().vector()[0]).isEqualTo(4);
    }

    @Test
    void batchesGoToTheModelAndTheLeastRecentTextIsForgotten() {
        CountingModel model = new CountingModel();
        CachingEmbeddingModel cached = new CachingEmbeddingModel(model, 2, new SimpleMeterRegistry());

        cached.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b")));
        cached.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b")));
        cached.embed("x");
        cached.embed("y");
        cached.embed("x");
        cached.embed("z"); // evicts y, the least recently used
        cached.embed("x");
        cached.embed("y");

        assertThat(model.asked).containsExactly("a", "b", "a", "b", "x", "y", "z", "y");
    }
}
