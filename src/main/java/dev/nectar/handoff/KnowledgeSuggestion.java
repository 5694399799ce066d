package dev.nectar.handoff;

import java.time.Instant;

/**
 * A question and answer an agent proposed when resolving a conversation; once the merchant approves it, it becomes
 * a knowledge document the bot retrieves.
 */
public record KnowledgeSuggestion(String suggestionId, String merchantId, String conversationId, String handoffId,
                                  String agentId, String question, String answer, Status status, Instant createdAt,
                                  Instant decidedAt, String docId, String note) {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    public KnowledgeSuggestion approved(String q, String a, Instant at) {
        return new KnowledgeSuggestion(suggestionId, merchantId, conversationId, handoffId, agentId, q, a, Status.APPROVED,
                createdAt, at, null, note);
    }

    public KnowledgeSuggestion withDoc(String id) {
        return new KnowledgeSuggestion(suggestionId, merchantId, conversationId, handoffId, agentId, question, answer, status,
                createdAt, decidedAt, id, note);
    }

    public KnowledgeSuggestion rejected(String why, Instant at) {
        return new KnowledgeSuggestion(suggestionId, merchantId, conversationId, handoffId, agentId, question, answer,
                Status.REJECTED, createdAt, at, null, why);
    }
}
