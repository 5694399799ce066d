package dev.nectar.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** Server-to-client frames of /ws/chat, exactly as the contract names them. */
public final class Frames {
    private Frames() {
    }

    public record Session(String type, String conversationId, boolean resumed) {
        public Session(String conversationId, boolean resumed) {
            this("session", conversationId, resumed);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reply(String type, String replyTo, String text, List<Map<String, Object>> cards,
                        List<String> quickReplies, Confirm confirm) {
        public Reply(String replyTo, String text, List<Map<String, Object>> cards, List<String> quickReplies, Confirm confirm) {
            this("reply", replyTo, text, cards == null ? List.of() : cards, quickReplies == null ? List.of() : quickReplies, confirm);
        }
    }

    public record Confirm(String actionId, String summary) {
    }

    public record Delta(String type, String replyTo, String text) {
        public Delta(String replyTo, String text) {
            this("delta", replyTo, text);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Handoff(String type, String replyTo, String handoffId, String status, String skill, Integer position,
                          String text) {
        public Handoff(String replyTo, String handoffId, String status, String skill, Integer position, String text) {
            this("handoff", replyTo, handoffId, status, skill, position, text);
        }
    }

    public record AgentJoined(String type, String agentName, List<String> certifications) {
        public AgentJoined(String agentName, List<String> certifications) {
            this("agent_joined", agentName, certifications);
        }
    }

    public record AgentMessage(String type, String text) {
        public AgentMessage(String text) {
            this("agent_message", text);
        }
    }

    public record HandoffEnded(String type) {
        public HandoffEnded() {
            this("handoff_ended");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String type, String replyTo, String code, String message) {
        public Error(String replyTo, String code, String message) {
            this("error", replyTo, code, message);
        }
    }
}
