package dev.nectar.knowledge;

import dev.nectar.TestShop;
import dev.nectar.merchant.DemoShopCreated;
import dev.nectar.platform.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The programmatic API other features call, the demo shop's documents, and recovery after a crash. */
@QuarkusTest
class KnowledgeServiceTest {
    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeRetriever retriever;

    @Inject
    Event<DemoShopCreated> demoShopCreated;

    @Inject
    Database db;

    private static KnowledgeDocument ready(java.util.concurrent.CompletionStage<KnowledgeDocument> stage) throws Exception {
        KnowledgeDocument doc = stage.toCompletableFuture().get(90, TimeUnit.SECONDS);
        assertThat(doc.status()).as("reason: %s", doc.reason()).isEqualTo(DocumentStatus.READY);
        return doc;
    }

    @Test
    void addTextMakesARetrievableDocumentAndTheSameTitleReplacesIt() throws Exception {
        String m = TestShop.create().merchantId();
        KnowledgeDocument first = ready(service.addText(m, "客服沉淀：包装", "# 包装\n易碎品会加两层气泡膜再装箱。", DocumentType.MARKDOWN));

        assertThat(retriever.search(m, "易碎品怎么包装", 1)).extracting(KnowledgeHit::docId).containsExactly(first.docId());

        KnowledgeDocument second = ready(service.addText(m, "客服沉淀：包装", "易碎品用定制泡沫箱发货。", DocumentType.TEXT));
        assertThat(second.docId()).isEqualTo(first.docId());
        assertThat(retriever.search(m, "易碎品怎么包装", 5)).extracting(KnowledgeHit::text)
                .noneMatch(t -> t.contains("气泡膜")).anyMatch(t -> t.contains("泡沫箱"));
        assertThatThrownBy(() -> service.addText(m, "x", "y", DocumentType.PDF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addFaqPairsAreRetrievedByTheirQuestionWithTheAnswer() throws Exception {
        String m = TestShop.create().merchantId();
        KnowledgeDocument doc = ready(service.addFaq(m, "客服沉淀", List.of(
                new FaqPair("可以寄到海外吗？", "目前只发中国大陆地区。"),
                new FaqPair("发票抬头能改吗？", "开票前可以在订单页修改一次。"))));

        assertThat(doc.chunks()).isEqualTo(2);
        KnowledgeHit hit = retriever.search(m, "能发到国外吗", 1).get(0);
        assertThat(hit.text()).isEqualTo("问：可以寄到海外吗？\n答：目前只发中国大陆地区。");
        assertThat(hit.answerable()).isTrue();
    }

    @Test
    void theDemoShopGetsEveryDocumentOfTheKnowledgeBaseFolder() throws Exception {
        String m = TestShop.create().merchantId();
        long files;
        try (Stream<Path> listing = Files.list(Path.of("knowledge-base/documents"))) {
            files = listing.count();
        }

        demoShopCreated.fire(new DemoShopCreated(m, Path.of("knowledge-base")));

        await().atMost(Duration.ofMinutes(3)).until(() -> service.list(m).size() == files
                && service.list(m).stream().allMatch(d -> d.status() == DocumentStatus.READY));
        assertThat(service.list(m)).extracting(KnowledgeDocument::title).contains("退换货政策", "户外尺码指南");
        // facts, not passages: the question is answered from the 退货地址 section of returns.md, whose list items
        // (收件人, 电话, 地址) are facts of their own, the address among them
        List<KnowledgeHit> hits = retriever.search(m, "退货寄到哪个地址", 5);
        assertThat(hits.get(0).headingPath()).isEqualTo("退换货政策 > 退货地址");
        assertThat(hits).filteredOn(h -> h.text().contains("良睦路")).singleElement().satisfies(h -> {
            assertThat(h.headingPath()).isEqualTo("退换货政策 > 退货地址");
            assertThat(h.text()).startsWith("地址：").doesNotContain("收件人").doesNotContain("\n");
        });
    }

    @Test
    void documentsLeftProcessingByACrashAreMarkedFailed() {
        String m = TestShop.create().merchantId();
        Instant before = Instant.now().minusSeconds(60);
        db.update("INSERT INTO knowledge_documents (merchant_id, doc_id, source_name, title, doc_type, status, chunks, bytes,"
                        + " generation, created_at, updated_at) VALUES (?, 'kd-crashed', 'a.md', 'a', 'MARKDOWN', 'PROCESSING', 0, 10, 1, ?, ?)",
                m, before, before);

        service.failInterruptedIngestions();

        KnowledgeDocument doc = service.find(m, "kd-crashed").orElseThrow();
        assertThat(doc.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(doc.reason()).isEqualTo(KnowledgeService.INTERRUPTED);
    }
}
