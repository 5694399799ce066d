package dev.nectar.tools.impl;

import dev.nectar.handoff.HandoffService;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

@ApplicationScoped
public class HandoffTool implements Tool {
    private final HandoffService handoffs;

    public HandoffTool(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public String name() {
        return ToolNames.HANDOFF_TO_HUMAN;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String reason = (String) args.get("reason");
        int priority = switch (reason) {
            case "COMPLAINT" -> 1;
            case "HEALTH_SAFETY" -> 2;
            default -> 3;
        };
        HandoffService.Queued q = handoffs.request(ctx.merchantId(), ctx.conversationId(), ctx.buyerId(), reason,
                (String) args.get("skill"), priority, (String) args.getOrDefault("summary", ""));
        String status = q.handoff().status().name();
        // off duty the ticket still waits (status QUEUED), but the reply says when humans are back
        ToolResult.Builder result = ToolResult.of(name(), q.offHours() == null ? status : "OFF_HOURS");
        if (q.offHours() != null) {
            result.fact("serviceHours", q.offHours().serviceHours()).fact("backAt", q.offHours().backAt());
        }
        return result.fact("handoffId", q.handoff().handoffId())
                .fact("status", status).fact("skill", q.handoff().skill()).fact("position", q.position())
                .fact("reason", reason).summary("handoff " + q.handoff().skill() + " " + reason).build();
    }
}
