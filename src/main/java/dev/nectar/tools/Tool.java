package dev.nectar.tools;

import java.util.Map;

/**
 * An agent tool bound to its manifest in {@code tools/}. Arguments arrive validated against the manifest schema;
 * the buyer comes from {@link ToolContext}, never from the arguments.
 */
public interface Tool {

    String name();

    ToolResult run(ToolContext ctx, Map<String, Object> args);

    /**
     * What running would do, without doing it; tools whose manifest asks for confirmation answer
     * {@link ToolResult#CONFIRM} when the action is allowed, or the refusal itself.
     */
    default ToolResult preview(ToolContext ctx, Map<String, Object> args) {
        return run(ctx, args);
    }
}
