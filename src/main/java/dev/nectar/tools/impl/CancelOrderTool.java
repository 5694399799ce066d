package dev.nectar.tools.impl;

import dev.nectar.aftersales.AfterSaleRequest;
import dev.nectar.aftersales.AfterSaleService;
import dev.nectar.platform.ApiException;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

@ApplicationScoped
public class CancelOrderTool implements Tool {
    private final AfterSaleService service;
    private final AfterSaleTool results;
    private final BuyerOrders orders;

    public CancelOrderTool(AfterSaleService service, AfterSaleTool results, BuyerOrders orders) {
        this.service = service;
        this.results = results;
        this.orders = orders;
    }

    @Override
    public String name() {
        return ToolNames.CANCEL_ORDER;
    }

    @Override
    public ToolResult preview(ToolContext ctx, Map<String, Object> args) {
        String orderId = (String) args.get("orderId");
        try {
            ToolResult r = results.previewResult(name(), service.preview(ctx.buyer(), AfterSaleRequest.cancel(orderId)));
            return ToolResult.CONFIRM.equals(r.status())
                    ? ToolResult.of(name(), ToolResult.CONFIRM).facts(r.facts())
                    .fact("items", orders.own(ctx, orderId).map(Cards::itemsText).orElse("")).summary(r.summary()).build()
                    : r;
        } catch (ApiException e) {
            return results.refusal(name(), e, orderId);
        }
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String orderId = (String) args.get("orderId");
        try {
            return results.submitted(name(), service.cancel(ctx.buyer(), orderId, ctx.conversationId(), ctx.actionId()));
        } catch (ApiException e) {
            return results.refusal(name(), e, orderId);
        }
    }
}
