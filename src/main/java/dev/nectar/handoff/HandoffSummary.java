package dev.nectar.handoff;

import dev.nectar.commerce.Order;
import dev.nectar.conversation.Turn;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.impl.Cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The note an agent reads first: who the buyer is, what they asked, the orders in question and what the bot
 * already tried, built from the conversation's turns and tool calls rather than from the last message alone.
 */
public final class HandoffSummary {
    static final int MAX_CHARS = 1000;
    private static final Map<String, String> TOOL_LABELS = Map.of(
            ToolNames.ORDER_LOOKUP, "查订单",
            ToolNames.LOGISTICS_TRACKING, "查物流",
            ToolNames.AFTER_SALE_REQUEST, "售后申请",
            ToolNames.CANCEL_ORDER, "取消订单",
            ToolNames.IMAGE_VERIFICATION, "图片核验",
            ToolNames.PRODUCT_RECOMMENDATION, "商品推荐",
            ToolNames.KNOWLEDGE_SEARCH, "知识库检索");
    private static final Map<String, String> REASONS = Map.of(
            "REQUESTED", "买家要求人工",
            "COMPLAINT", "投诉或威胁差评",
            "HEALTH_SAFETY", "健康安全问题",
            "UNANSWERED", "机器人连续未能解答",
            "OTHER", "其他");

    private HandoffSummary() {
    }

    /**
     * @param orders  the buyer's own order by id (empty for ids that are not theirs)
     * @param botNote what the planner wrote when it handed off (may be blank)
     */
    public static String build(String buyerId, String reason, String skill, List<Turn> turns,
                               Function<String, Optional<Order>> orders, String botNote) {
        List<String> parts = new ArrayList<>();
        parts.add("买家 " + buyerId);
        List<String> asked = turns.stream().filter(t -> t.role() == Turn.Role.BUYER && t.text() != null && !t.text().isBlank())
                .map(t -> abbreviate(t.text().strip(), 80)).toList();
        if (!asked.isEmpty()) {
            parts.add("诉求:" + String.join(" / ", asked.subList(Math.max(0, asked.size() - 2), asked.size())));
        }
        List<String> orderTexts = orderIds(turns).stream().limit(3)
                .map(id -> orders.apply(id).map(o -> id + "(" + Cards.itemsText(o) + "," + Cards.statusText(o.status()) + ")").orElse(id))
                .toList();
        if (!orderTexts.isEmpty()) {
            parts.add("涉及订单:" + String.join("、", orderTexts));
        }
        List<String> tried = tried(turns);
        if (!tried.isEmpty()) {
            parts.add("已尝试:" + String.join(";", tried));
        }
        String why = REASONS.getOrDefault(reason, reason);
        parts.add("转人工原因:" + why + (skill == null || Handoff.GENERAL.equals(skill) ? "" : "(需 " + skill + " 资质)"));
        if (botNote != null && !botNote.isBlank()) {
            parts.add("机器人备注:" + abbreviate(botNote.strip(), 150));
        }
        return abbreviate(String.join(";", parts), MAX_CHARS);
    }

    /** Order ids the bot's tool calls touched, the most recent first. */
    static List<String> orderIds(List<Turn> turns) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = turns.size() - 1; i >= 0; i--) {
            List<Turn.ToolCall> calls = turns.get(i).toolCalls();
            if (calls == null) {
                continue;
            }
            for (int j = calls.size() - 1; j >= 0; j--) {
                Object id = calls.get(j).args() == null ? null : calls.get(j).args().get("orderId");
                if (id instanceof String s && !s.isBlank()) {
                    ids.add(s);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The last few tool calls other than the handoff itself, with their outcome. */
    private static List<String> tried(List<Turn> turns) {
        List<String> out = new ArrayList<>();
        for (Turn t : turns) {
            if (t.toolCalls() == null) {
                continue;
            }
            for (Turn.ToolCall c : t.toolCalls()) {
                if (ToolNames.HANDOFF_TO_HUMAN.equals(c.tool())) {
                    continue;
                }
                String label = TOOL_LABELS.getOrDefault(c.tool(), c.tool());
                String outcome = c.ok() ? "成功" : "未成功";
                out.add(label + outcome + (c.summary() == null || c.summary().isBlank() ? "" : "(" + abbreviate(c.summary(), 60) + ")"));
            }
        }
        return out.subList(Math.max(0, out.size() - 4), out.size());
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
