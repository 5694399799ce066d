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

    /** Ids of every conversation the buyer had with this merchant, whatever their age or status. */
    List<String> idsOf(String merchantId, String buyerId);

    /**
     * Deletes the buyer's conversations with their turns and dialogue state; a turn appended to one afterwards is
     * dropped. Returns how many conversations there were.
     */
    int erase(String merchantId, String buyerId);
}
