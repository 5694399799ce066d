package dev.nectar.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TurnEmbeddingsTest {

    /** A model that records what it was asked; its vector is how many texts it had embedded. */
    private static final class CountingModel implements EmbeddingModel {
        final List<String> asked = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                asked.add(s.text());
                out.add(new Embedding(new float[]{asked.size()}));
            }
            return Response.from(out);
        }
    }

    @Test
    void aTextIsEmbeddedOncePerTurnAndAgainInTheNext() {
        CountingModel model = new CountingModel();
        TurnEmbeddings turns = new TurnEmbeddings(model);

        TurnEmbeddings.during(() -> {
            turns.embed("发货时间是多久").content().vector()[0] = 99; // a caller's change stays its own
            assertThat(turns.embed("发货时间是多久").content().vector()).containsExactly(1);
            return turns.embed("可以开发票吗");
        });
        TurnEmbeddings.during(() -> turns.embed("发货时间是多久"));
        turns.embed("发货时间是多久");

        assertThat(model.asked).containsExactly("发货时间是多久", "可以开发票吗", "发货时间是多久", "发货时间是多久");
    }
}
