package dev.nectar.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nectar.TestShop;
import dev.nectar.platform.Json;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval quality on the demo shop: its own documents, uploaded through the API, and questions written for it
 * (src/test/resources/knowledge/demo-questions.json; "docs" lists the files that answer it, empty when nothing
 * does). Prints recall@1, recall@5 and the scores around the answerable threshold, which is how that threshold
 * was calibrated.
 */
@QuarkusTest
class KnowledgeRecallTest {
    record Question(String q, List<String> docs) {
    }

    @Inject
    KnowledgeRetriever retriever;

    @Inject
    KnowledgeConfig config;

    @Test
    void punctuationAroundAQuestionDoesNotMoveItsScore() {
        TestShop shop = TestShop.create();
        KnowledgeApi.uploadReady(shop, "pickup.md", "# 到店自提\n\n自提点营业时间为每天上午9点到晚上8点,凭取件码取货。\n");
        double plain = retriever.search(shop.merchantId(), "自提点几点开门", 1).get(0).score();
        for (String marked : List.of("自提点几点开门?", "自提点几点开门？？", "「自提点几点开门」!", "自提点几点开门~😊")) {
            assertThat(retriever.search(shop.merchantId(), marked, 1).get(0).score()).as(marked).isEqualTo(plain);
        }
        assertThat(retriever.search(shop.merchantId(), "？！", 1)).isEmpty();
    }

    @Test
    void factsOfEqualScoreRankInDocumentOrder() throws IOException {
        byte[] chart = Files.readAllBytes(Path.of("knowledge-base/documents/size-guide.html"));
        for (int i = 0; i < 4; i++) { // a fresh shop each time: other document and fact ids, same ranking
            TestShop shop = TestShop.create();
            KnowledgeApi.uploadReady(shop, "size-guide.html", chart);
            List<KnowledgeHit> hits = retriever.search(shop.merchantId(), "冲锋衣XL码适合多高的人穿", 2);
            // the men's and the women's XL rows tie (the cosine is capped, the words are the same): the men's chart
            // comes first in the document
            assertThat(hits.get(0).score()).isEqualTo(hits.get(1).score());
            assertThat(hits).extracting(KnowledgeHit::headingPath).containsExactly(
                    "户外尺码指南 > 冲锋衣 > 男款冲锋衣尺码表", "户外尺码指南 > 冲锋衣 > 女款冲锋衣尺码表");
            assertThat(hits.get(0).text()).contains("179-183");
        }
    }

    @Test
    void demoQuestionsFindTheirDocumentsAndUnknownQuestionsScoreBelowThem() throws IOException {
        TestShop shop = TestShop.create();
        Map<String, String> fileOf = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("knowledge-base/documents"))) {
            for (Path f : files.sorted().toList()) {
                fileOf.put(KnowledgeApi.uploadReady(shop, f.getFileName().toString(), Files.readAllBytes(f)), f.getFileName().toString());
            }
        }
        List<Question> questions;
        try (InputStream in = getClass().getResourceAsStream("/knowledge/demo-questions.json")) {
            questions = Json.MAPPER.readValue(in, new TypeReference<>() {
            });
        }

        int answerable = 0, top1 = 0, top5 = 0, flagged = 0;
        List<String> misses = new ArrayList<>();
        List<String> wronglyAnswerable = new ArrayList<>();
        double lowestFlagged = 1, highestUnknown = 0;
        List<Double> answerableBest = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Question q : questions) {
            List<KnowledgeHit> hits = retriever.search(shop.merchantId(), q.q(), 5);
            double best = hits.isEmpty() ? 0 : hits.get(0).score();
            List<String> files = hits.stream().map(h -> fileOf.get(h.docId())).toList();
            report.append(String.format("%-5s %.3f %-18s %s%n", q.docs().isEmpty() ? "none" : "", best,
                    files.isEmpty() ? "-" : files.get(0), q.q()));
            if (q.docs().isEmpty()) {
                highestUnknown = Math.max(highestUnknown, best);
                if (!hits.isEmpty() && hits.get(0).answerable()) {
                    wronglyAnswerable.add(q.q());
                }
                continue;
            }
            answerable++;
            answerableBest.add(best);
            if (!files.isEmpty() && q.docs().contains(files.get(0))) {
                top1++;
            }
            if (files.stream().anyMatch(q.docs()::contains)) {
                top5++;
            } else {
                misses.add(q.q() + " -> " + files);
            }
            if (!hits.isEmpty() && hits.get(0).answerable()) {
                flagged++;
                lowestFlagged = Math.min(lowestFlagged, best);
            }
        }
        double recall1 = (double) top1 / answerable;
        double recall5 = (double) top5 / answerable;
        double answerableRate = (double) flagged / answerable;
        System.out.print(report);
        System.out.printf("demo knowledge: %d answerable questions, recall@1 %.3f, recall@5 %.3f; %.3f flagged answerable"
                        + " (lowest %.3f); threshold %.2f; highest unanswerable %.3f%n", answerable, recall1, recall5,
                answerableRate, lowestFlagged, config.answerableThreshold(), highestUnknown);

        assertThat(answerable).isGreaterThanOrEqualTo(40);
        assertThat(recall5).as("recall@5, misses: %s", misses).isGreaterThanOrEqualTo(0.95);
        // Facts are short units: a question the documents do not answer that shares one rare word with a fact (仓库有几个
        // 员工 and the fact about the two warehouses, 明天杭州会下雨吗 and the FAQ 下雨天能穿吗) scores like the weakest
        // real answer, and the threshold, calibrated for recall on the corpus, lets such a question through. What must
        // hold is that unanswerable questions score below the answerable ones, and that no more of them clear the
        // threshold than measured when facts replaced passages (3 of 10: those two and 客服小姐姐今年多大了).
        double ceiling = highestUnknown;
        long overlapped = answerableBest.stream().filter(b -> b <= ceiling).count();
        assertThat(overlapped).as("answerable questions scoring no higher than the best unanswerable one (%.3f)", ceiling)
                .isLessThanOrEqualTo(answerable / 20);
        assertThat(wronglyAnswerable).as("questions the documents do not answer over the threshold").hasSizeLessThanOrEqualTo(3);
        assertThat(answerableRate).as("typical buyer questions must clear the threshold").isGreaterThanOrEqualTo(0.9);
    }
}
