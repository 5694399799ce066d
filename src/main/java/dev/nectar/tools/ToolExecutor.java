package dev.nectar.tools;

import dev.nectar.conversation.Turn;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs tools for both planners: checks the arguments against the manifest, previews writes instead of running
 * them unless the buyer confirmed, and turns failures into results rather than exceptions.
 */
@ApplicationScoped
public class ToolExecutor {
    private static final Logger LOG = Logger.getLogger(ToolExecutor.class);

    private final ToolManifests manifests;
    private final Map<String, Tool> tools = new HashMap<>();

    public ToolExecutor(ToolManifests manifests, @All List<Tool> tools) {
        this.manifests = manifests;
        tools.forEach(t -> this.tools.put(t.name(), t));
    }

    /** Runs a read, or previews a write; a write only runs through {@link #runConfirmed}. */
    @WithSpan("nectar.tool")
    public ToolResult call(@SpanAttribute("nectar.tool") String tool, Map<String, Object> args, ToolContext ctx) {
        return execute(tool, args, ctx, false);
    }

    /** Runs a write the buyer has accepted, with the pending action's id for idempotency. */
    @WithSpan("nectar.tool")
    public ToolResult runConfirmed(@SpanAttribute("nectar.tool") String tool, Map<String, Object> args, ToolContext ctx) {
        return execute(tool, args, ctx, true);
    }

    private ToolResult execute(String name, Map<String, Object> args, ToolContext ctx, boolean confirmed) {
        Tool tool = tools.get(name);
        if (tool == null || !ToolManifests.CONTRACT_TOOLS.contains(name)) {
            return ToolResult.of(name, ToolResult.INVALID_ARGS).failed().summary("unknown tool").build();
        }
        Optional<String> problem = ArgumentValidator.problem(manifests.get(name).parameters(), args);
        if (problem.isPresent()) {
            return ToolResult.of(name, ToolResult.INVALID_ARGS).failed().fact("problem", problem.get())
                    .summary("invalid arguments: " + problem.get()).build();
        }
        try {
            boolean write = manifests.get(name).confirmation();
            return write && !confirmed ? tool.preview(ctx, args) : tool.run(ctx, args);
        } catch (RuntimeException e) {
            LOG.errorf(e, "tool %s failed", name);
            return ToolResult.of(name, "ERROR").failed().summary("tool failed").build();
        }
    }

    public static Turn.ToolCall record(ToolResult r, Map<String, Object> args) {
        return new Turn.ToolCall(r.tool(), args, r.ok(), r.summary(), r.status());
    }
}
