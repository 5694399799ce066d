package dev.nectar.tools.impl;

import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.aftersales.AfterSaleRequest;
import dev.nectar.aftersales.AfterSaleResult;
import dev.nectar.aftersales.AfterSaleService;
import dev.nectar.aftersales.PolicyDecision;
import dev.nectar.aftersales.ReasonTexts;
import dev.nectar.platform.ApiException;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code after_sale_request} and {@code cancel_order}: a preview of the policy's decision before the buyer's yes,
 * the case itself after it. The policy engine decides both times.
 */
@ApplicationScoped
public class AfterSaleTool implements Tool {
    private final AfterSaleService service;
    private final ReasonTexts texts;

    public AfterSaleTool(AfterSaleService service, ReasonTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    public String name() {
        return ToolNames.AFTER_SALE_REQUEST;
    }

    @Override
    public ToolResult preview(ToolContext ctx, Map<String, Object> args) {
        AfterSaleRequest req = request(args);
        try {
            return previewResult(name(), service.preview(ctx.buyer(), req));
        } catch (ApiException e) {
            return refusal(name(), e, req.orderId());
        }
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        AfterSaleRequest req = request(args);
        try {
            return submitted(name(), service.submit(ctx.buyer(), req, ctx.conversationId(), ctx.actionId()));
        } catch (ApiException e) {
            return refusal(name(), e, req.orderId());
        }
    }

    ToolResult previewResult(String tool, PolicyDecision d) {
        ToolResult.Builder r = switch (d.outcome()) {
            case APPROVE, REVIEW -> ToolResult.of(tool, ToolResult.CONFIRM)
                    .fact("outlook", d.outcome() == PolicyDecision.Outcome.APPROVE ? "符合店铺规则,提交后即可通过。"
                            : "提交后需要售后专员审核,结果会尽快通知您。")
                    .fact("insuredNote", d.insured() && d.goodsReturned() ? texts.insuredText() : "")
                    .fact("targetNote", d.targetTitle() == null ? "" : ",换成 " + d.targetTitle());
            case NEEDS_EVIDENCE -> ToolResult.of(tool, "NEEDS_EVIDENCE");
            case NEEDS_TARGET -> ToolResult.of(tool, "NEEDS_TARGET");
            case ALREADY_OPEN -> ToolResult.of(tool, "ALREADY_OPEN").cards(List.of(card(d.existingCase())));
            case REFUSE -> ToolResult.of(tool, "REFUSED");
        };
        return facts(r, d).summary(d.outcome() + " " + d.code()).build();
    }

    ToolResult submitted(String tool, AfterSaleResult result) {
        PolicyDecision d = result.decision();
        ToolResult.Builder r = switch (result.kind()) {
            case CREATED -> ToolResult.of(tool, "CREATED").fact("caseId", result.afterSale().caseId())
                    .fact("statusLabel", texts.statusLabel(result.afterSale().status()))
                    .cards(List.of(card(result.afterSale())));
            case EXISTING -> ToolResult.of(tool, "ALREADY_OPEN").cards(List.of(card(result.afterSale())));
            case NO_CASE -> ToolResult.of(tool, d.outcome() == PolicyDecision.Outcome.NEEDS_EVIDENCE ? "NEEDS_EVIDENCE" : "REFUSED");
        };
        String summary = result.afterSale() == null ? "no case: " + d.code()
                : "case " + result.afterSale().caseId() + " " + result.afterSale().status();
        return facts(r, d).summary(summary).build();
    }

    private ToolResult.Builder facts(ToolResult.Builder r, PolicyDecision d) {
        return r.fact("orderId", d.orderId()).fact("explanation", texts.explain(d))
                .fact("typeLabel", d.type() == null ? null : texts.typeLabel(d.type()))
                .fact("reasonLabel", d.reason() == null ? null : reasonLabel(d.reason()))
                .fact("amount", d.amount()).fact("target", d.targetTitle()).fact("code", d.code().name());
    }

    ToolResult refusal(String tool, ApiException e, String orderId) {
        if (e.status() == 404) {
            return ToolResult.of(tool, ToolResult.NOT_FOUND).fact("orderId", orderId).summary("no such order").build();
        }
        return ToolResult.of(tool, ToolResult.INVALID_ARGS).failed().fact("problem", e.getMessage()).summary(e.getMessage()).build();
    }

    static Map<String, Object> card(AfterSaleCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "after_sale");
        m.put("caseId", c.caseId());
        m.put("orderId", c.orderId());
        m.put("type", c.type().name());
        m.put("reason", c.reason() == null ? null : c.reason().name());
        m.put("status", c.status().name());
        m.put("amount", c.amount());
        if (c.targetSku() != null) {
            m.put("targetSku", c.targetSku());
        }
        return m;
    }

    private static String reasonLabel(AfterSaleCase.Reason r) {
        return switch (r) {
            case NO_REASON -> "七天无理由";
            case SIZE -> "尺码不合适";
            case QUALITY -> "质量问题";
            case DAMAGED -> "商品破损";
            case WRONG_ITEM -> "发错货或少发";
            case NOT_AS_DESCRIBED -> "与描述不符";
            case NOT_RECEIVED -> "未收到货";
            case OTHER -> "其他原因";
        };
    }

    @SuppressWarnings("unchecked")
    private static AfterSaleRequest request(Map<String, Object> args) {
        return new AfterSaleRequest((String) args.get("orderId"),
                AfterSaleCase.Type.valueOf((String) args.get("type")),
                AfterSaleCase.Reason.valueOf((String) args.get("reason")), null, (String) args.get("targetSku"),
                (List<String>) args.get("imageIds"), (String) args.get("note"));
    }
}
