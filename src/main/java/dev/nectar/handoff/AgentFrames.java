package dev.nectar.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nectar.conversation.Turn;

import java.util.List;

/** Server-to-agent frames of /ws/agent, as the contract names them, plus acknowledgements a console may ignore. */
public final class AgentFrames {
    private AgentFrames() {
    }

    /** Sent once the console is registered: who the agent is and whether they receive work. */
    public record Ready(String type, String agentId, String name, List<String> certifications, int tier, int maxConcurrent,
                        boolean available) {
        public Ready(Agent a, boolean available) {
            this("ready", a.agentId(), a.name(), a.certifications(), a.tier(), a.maxConcurrent(), available);
        }
    }

    /** A conversation given to the agent, with everything said so far; sent again when their console reconnects. */
    public record Assigned(String type, Handoff handoff, List<Turn> transcript) {
        public Assigned(Handoff handoff, List<Turn> transcript) {
            this("assigned", handoff, transcript);
        }
    }

    public record BuyerMessage(String type, String conversationId, String text, List<String> images) {
        public BuyerMessage(String conversationId, String text, List<String> images) {
            this("buyer_message", conversationId, text, images == null ? List.of() : images);
        }
    }

    public record Status(String type, boolean available, int load) {
        public Status(boolean available, int load) {
            this("status", available, load);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolved(String type, String conversationId, String suggestionId) {
        public Resolved(String conversationId, String suggestionId) {
            this("resolved", conversationId, suggestionId);
        }
    }

    public record Error(String type, String code, String message) {
        public Error(String code, String message) {
            this("error", code, message);
        }
    }
}
