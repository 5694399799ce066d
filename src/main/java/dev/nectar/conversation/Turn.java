package dev.nectar.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One utterance in a conversation, with the tool calls the bot made for it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Turn(Role role, String text, Instant at, List<ToolCall> toolCalls, List<String> images) {

    public enum Role {
        BUYER, BOT, AGENT, SYSTEM
    }

    /**
     * A tool call as recorded for merchants: the tool, its validated arguments, success, a one-line summary and the
     * result's status (the bot's own outcome, such as a knowledge miss or a policy refusal, which quality inspection reads).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCall(String tool, Map<String, Object> args, boolean ok, String summary, String status) {
        public ToolCall(String tool, Map<String, Object> args, boolean ok, String summary) {
            this(tool, args, ok, summary, null);
        }
    }

    public static Turn of(Role role, String text) {
        return new Turn(role, text, Instant.now(), List.of(), List.of());
    }
}
