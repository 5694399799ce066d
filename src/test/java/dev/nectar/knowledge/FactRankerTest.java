package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactRankerTest {

    private static HybridKnowledgeRetriever.Candidate fact(String text, double score, boolean answerable, double wordCover) {
        double[] f = new double[FactRanker.FEATURES.size()];
        f[FactRanker.FEATURES.indexOf("wordCover")] = wordCover;
        return new HybridKnowledgeRetriever.Candidate(new KnowledgeHit("d", "t", "h", text, score, answerable), f);
    }

    private static FactRanker preferringWordCover() {
        double[] w = new double[FactRanker.FEATURES.size()];
        w[FactRanker.FEATURES.indexOf("wordCover")] = 1;
        return FactRanker.of(w, 0);
    }

    @Test
    void theWindowIsReorderedByTheModelAndItsFirstFactCarriesTheThresholdsCall() {
        List<HybridKnowledgeRetriever.Candidate> found = List.of(fact("a", 0.6, true, 0.2), fact("b", 0.5, true, 0.9),
                fact("c", 0.2, false, 1.0), fact("d", 0.1, false, 0.0));
        List<HybridKnowledgeRetriever.Candidate> order = HybridKnowledgeRetriever.reranked(preferringWordCover(), found);
        // c covers the words best: the best fused score says the question is answerable, the ranker that c answers it
        assertThat(order).extracting(c -> c.hit().text()).containsExactly("c", "b", "a", "d");
        assertThat(order.get(0).hit().answerable()).isTrue();
        assertThat(order.get(0).hit().score()).isEqualTo(0.2);
    }

    @Test
    void aQuestionBelowTheThresholdStaysUnansweredWhateverTheOrder() {
        List<HybridKnowledgeRetriever.Candidate> found = List.of(fact("a", 0.2, false, 0.1), fact("b", 0.1, false, 0.9));
        List<HybridKnowledgeRetriever.Candidate> order = HybridKnowledgeRetriever.reranked(preferringWordCover(), found);
        assertThat(order).extracting(c -> c.hit().text()).containsExactly("b", "a");
        assertThat(order).noneMatch(c -> c.hit().answerable());
    }

    @Test
    void equalModelScoresKeepTheFusedOrder() {
        List<HybridKnowledgeRetriever.Candidate> found = List.of(fact("a", 0.6, true, 0.5), fact("b", 0.5, true, 0.5));
        assertThat(HybridKnowledgeRetriever.reranked(preferringWordCover(), found).stream().map(c -> c.hit().text()))
                .containsExactly("a", "b");
    }

    @Test
    void aModelOfOtherFeaturesRefusesToLoadAndNoFileMeansTheFusedOrder(@TempDir Path dir) throws Exception {
        assertThat(FactRanker.load(dir.resolve("missing.json"))).isEmpty();
        Path saved = dir.resolve("ranker.json");
        FactRanker.save(saved, new double[FactRanker.FEATURES.size()], 0);
        assertThat(FactRanker.load(saved)).isPresent();
        Path stale = dir.resolve("stale.json");
        Files.writeString(stale, "{\"features\":[\"semantic\"],\"weights\":[1.0],\"bias\":0}");
        assertThatThrownBy(() -> FactRanker.load(stale)).hasMessageContaining("other features");
    }

    @Test
    void theCommittedModelMatchesTheFeaturesAndWeighsWhatTheQuestionSays() {
        FactRanker committed = FactRanker.load(Path.of("prompts", "knowledge", "ranker.json")).orElseThrow();
        double[] covering = new double[FactRanker.FEATURES.size()];
        covering[FactRanker.FEATURES.indexOf("textCover")] = 1;
        // a fact that holds the question's words ranks above one that does not, all else equal
        assertThat(committed.score(covering)).isGreaterThan(committed.score(new double[FactRanker.FEATURES.size()]));
    }
}
