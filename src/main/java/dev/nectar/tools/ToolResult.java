package dev.nectar.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a tool call: a status that names the reply template ({@code <tool>.<status>} in
 * {@code prompts/replies.json}), the facts the template and the LLM may use, cards for the buyer, and a one-line
 * summary for the transcript.
 */
public record ToolResult(String tool, boolean ok, String status, Map<String, Object> facts,
                         List<Map<String, Object>> cards, List<String> quickReplies, String summary) {

    /** The action is allowed and awaits the buyer's yes. */
    public static final String CONFIRM = "CONFIRM";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String INVALID_ARGS = "INVALID_ARGS";

    public static Builder of(String tool, String status) {
        return new Builder(tool, status);
    }

    public String templateKey() {
        return tool + "." + status;
    }

    public static final class Builder {
        private final String tool;
        private final String status;
        private boolean ok = true;
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private List<Map<String, Object>> cards = List.of();
        private List<String> quickReplies = List.of();
        private String summary;

        private Builder(String tool, String status) {
            this.tool = tool;
            this.status = status;
        }

        public Builder failed() {
            this.ok = false;
            return this;
        }

        public Builder fact(String name, Object value) {
            if (value != null) {
                facts.put(name, value);
            }
            return this;
        }

        public Builder facts(Map<String, ?> values) {
            values.forEach(this::fact);
            return this;
        }

        public Builder cards(List<Map<String, Object>> cards) {
            this.cards = List.copyOf(cards);
            return this;
        }

        public Builder quickReplies(List<String> quickReplies) {
            this.quickReplies = List.copyOf(quickReplies);
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public ToolResult build() {
            return new ToolResult(tool, ok, status, Map.copyOf(facts), cards, quickReplies,
                    summary != null ? summary : status);
        }
    }
}
