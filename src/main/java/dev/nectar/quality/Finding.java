package dev.nectar.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nectar.conversation.Turn;

import java.time.Instant;

/**
 * One thing inspection found in a conversation.
 *
 * @param turn      index of the turn in the conversation's transcript (0 is the first), the one to highlight
 * @param role      who is answerable: {@code BOT} or {@code AGENT}
 * @param agentId   the agent who held the conversation at that turn, when a human did
 * @param detail    what is wrong, in words the merchant reads
 * @param evidence  the words or the fact that triggered the rule
 * @param source    {@code rules}, or {@code llm} for findings of the optional model pass
 * @param dismissal set once the merchant dismissed the finding; a dismissed finding no longer counts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, Severity severity, int turn, Turn.Role role, String agentId, String detail,
                      String evidence, String source, Dismissal dismissal) {

    public static final String RULES = "rules";
    public static final String LLM = "llm";

    public record Dismissal(String note, Instant at) {
    }

    public boolean counts() {
        return dismissal == null;
    }

    public Finding dismissed(String note, Instant at) {
        return new Finding(rule, severity, turn, role, agentId, detail, evidence, source, new Dismissal(note, at));
    }
}
