package dev.nectar.handoff;

import dev.nectar.knowledge.DocumentStatus;
import dev.nectar.knowledge.FaqPair;
import dev.nectar.knowledge.KnowledgeDocument;
import dev.nectar.knowledge.KnowledgeService;
import dev.nectar.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Approved answers become FAQ documents of the merchant's knowledge base; this waits until they are retrievable. */
@ApplicationScoped
public class KnowledgeBaseSink implements KnowledgeSink {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final KnowledgeService knowledge;

    public KnowledgeBaseSink(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String addFaq(String merchantId, String title, String question, String answer) {
        KnowledgeDocument doc;
        try {
            doc = knowledge.addFaq(merchantId, title, List.of(new FaqPair(question, answer)))
                    .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
        if (doc.status() != DocumentStatus.READY) {
            throw unavailable();
        }
        return doc.docId();
    }

    private static ApiException unavailable() {
        return new ApiException(503, "KNOWLEDGE_UNAVAILABLE", "the knowledge base could not take the answer now; try again", null);
    }
}
