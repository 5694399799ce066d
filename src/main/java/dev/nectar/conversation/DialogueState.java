package dev.nectar.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversation remembers between turns, stored with the conversation so that any node can continue it:
 * an action awaiting the buyer's yes, a question awaiting an answer, and the entities last spoken of.
 */
public class DialogueState {

    /** A write the buyer has been asked to confirm; the engine runs exactly these arguments on a yes. */
    public record PendingAction(String actionId, String tool, Map<String, Object> args, String summary, Instant askedAt) {
    }

    /**
     * A question the bot asked: which tool it serves, the arguments known so far, what is missing
     * ({@code orderId}, {@code reason}, {@code evidence}, {@code size}) and the candidates offered.
     */
    public record PendingQuestion(String tool, Map<String, Object> args, String missing, List<String> candidates) {
    }

    public PendingAction pendingAction;
    public PendingQuestion pendingQuestion;
    /** Consecutive turns the bot could not answer. */
    public int strikes;
    public String lastOrderId;
    public List<String> lastProducts = new ArrayList<>();
    /** Photos sent before the buyer said what they are about: a later after-sale request takes them as evidence. */
    public List<String> recentImages = new ArrayList<>();
    public Map<String, Object> notes = new LinkedHashMap<>();

    public static DialogueState initial() {
        return new DialogueState();
    }
}
