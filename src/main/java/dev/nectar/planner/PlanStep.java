package dev.nectar.planner;

import java.util.List;
import java.util.Map;

public sealed interface PlanStep {

    /** Run a tool with these arguments (validated against its manifest by the engine). */
    record CallTool(String tool, Map<String, Object> args) implements PlanStep {
    }

    /** Answer the buyer and end the turn. */
    record Reply(String text, List<Map<String, Object>> cards, List<String> quickReplies) implements PlanStep {
        public Reply {
            cards = cards == null ? List.of() : cards;
            quickReplies = quickReplies == null ? List.of() : quickReplies;
        }

        public static Reply text(String text) {
            return new Reply(text, List.of(), List.of());
        }
    }
}
