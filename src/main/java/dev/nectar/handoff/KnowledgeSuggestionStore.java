package dev.nectar.handoff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface KnowledgeSuggestionStore {

    void create(KnowledgeSuggestion suggestion);

    Optional<KnowledgeSuggestion> find(String merchantId, String suggestionId);

    /** Newest first; all statuses when {@code status} is null. */
    List<KnowledgeSuggestion> list(String merchantId, KnowledgeSuggestion.Status status);

    /** Replaces a suggestion only while it still has {@code expected}'s status, so a decision is taken once. */
    boolean replace(KnowledgeSuggestion expected, KnowledgeSuggestion next);

    /**
     * Deletes the suggestions learned from these conversations (an erased buyer's), whatever their status: their
     * question may quote the buyer. A document an approved one became is the merchant's reviewed text and stays.
     */
    int eraseConversations(String merchantId, Collection<String> conversationIds);
}
