package dev.nectar.handoff;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Learning from agents: what they propose on resolve waits for the merchant, who approves it into the knowledge base or rejects it. */
@ApplicationScoped
public class KnowledgeSuggestions {
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4000;
    private final KnowledgeSuggestionStore store;
    private final KnowledgeSink sink;

    public KnowledgeSuggestions(KnowledgeSuggestionStore store, KnowledgeSink sink) {
        this.store = store;
        this.sink = sink;
    }

    public KnowledgeSuggestion propose(Handoff handoff, String question, String answer) {
        KnowledgeSuggestion s = new KnowledgeSuggestion("ks-" + UUID.randomUUID(), handoff.merchantId(), handoff.conversationId(),
                handoff.handoffId(), handoff.agentId(), question.strip(), answer.strip(), KnowledgeSuggestion.Status.PENDING,
                Instant.now(), null, null, null);
        store.create(s);
        return s;
    }

    /** Approves a pending suggestion (optionally edited) into a knowledge document; it stays pending if that fails. */
    public KnowledgeSuggestion approve(String merchantId, String suggestionId, String editedQuestion, String editedAnswer) {
        KnowledgeSuggestion pending = pending(merchantId, suggestionId);
        String q = editedQuestion == null ? pending.question() : Check.text(editedQuestion, "question", MAX_QUESTION).strip();
        String a = editedAnswer == null ? pending.answer() : Check.text(editedAnswer, "answer", MAX_ANSWER).strip();
        KnowledgeSuggestion approved = pending.approved(q, a, Instant.now());
        if (!store.replace(pending, approved)) {
            throw decided();
        }
        String docId;
        try {
            // the suggestion id keeps titles unique: the knowledge base replaces a document added under the same title
            docId = sink.addFaq(merchantId, "客服经验 " + HandoffSummary.abbreviate(q, 40) + " " + suggestionId, q, a);
        } catch (RuntimeException e) {
            store.replace(approved, pending);
            throw e;
        }
        KnowledgeSuggestion done = approved.withDoc(docId);
        store.replace(approved, done);
        return done;
    }

    public KnowledgeSuggestion reject(String merchantId, String suggestionId, String note) {
        KnowledgeSuggestion pending = pending(merchantId, suggestionId);
        KnowledgeSuggestion rejected = pending.rejected(Check.optionalText(note, "note", 1000), Instant.now());
        if (!store.replace(pending, rejected)) {
            throw decided();
        }
        return rejected;
    }

    private KnowledgeSuggestion pending(String merchantId, String suggestionId) {
        KnowledgeSuggestion s = store.find(merchantId, suggestionId).orElseThrow(() -> ApiException.notFound("knowledge suggestion"));
        if (s.status() != KnowledgeSuggestion.Status.PENDING) {
            throw decided();
        }
        return s;
    }

    private static ApiException decided() {
        return ApiException.conflict("SUGGESTION_DECIDED", "this suggestion was already approved or rejected");
    }
}
