package dev.nectar.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations, their turns and the dialogue state that lets any node resume them. */
public interface ConversationStore {

    Conversation create(String merchantId, String buyerId);

    Optional<Conversation> find(String merchantId, String conversationId);

    /** The buyer's open conversation touched since {@code since}, if any. */
    Optional<Conversation> findResumable(String merchantId, String buyerId, Instant since);

    List<Conversation> list(String merchantId, String buyerId);

    void append(String conversationId, Turn turn);

    List<Turn> turns(String conversationId);

    DialogueState state(String conversationId);

    void saveState(String conversationId, DialogueState state);

    void setStatus(String conversationId, ConversationStatus status, String handoffId);

    void rate(String conversationId, int score);
}
