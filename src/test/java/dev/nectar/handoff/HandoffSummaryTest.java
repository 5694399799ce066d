package dev.nectar.handoff;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.conversation.Turn;
import dev.nectar.tools.ToolNames;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffSummaryTest {

    private static Turn buyer(String text) {
        return Turn.of(Turn.Role.BUYER, text);
    }

    private static Turn bot(String text, Turn.ToolCall... calls) {
        return new Turn(Turn.Role.BOT, text, Instant.now(), List.of(calls), List.of());
    }

    private static final Order ORDER = new Order("PX-1001", "b9", OrderStatus.DELIVERED, OffsetDateTime.now().minusDays(3),
            null, null, OffsetDateTime.now().minusDays(1), new BigDecimal("88.00"), false,
            List.of(new Order.Item("cat-food-1", "三文鱼猫粮 2kg", 1, new BigDecimal("88.00"))), null, null);

    @Test
    void tellsBuyerAskOrdersWhatWasTriedAndWhy() {
        List<Turn> turns = List.of(
                buyer("我上周买的猫粮到了吗"),
                bot("已签收", new Turn.ToolCall(ToolNames.LOGISTICS_TRACKING, Map.of("orderId", "PX-1001"), true, "delivered")),
                buyer("猫吃了以后一直吐"),
                bot("转人工", new Turn.ToolCall(ToolNames.HANDOFF_TO_HUMAN, Map.of("reason", "HEALTH_SAFETY"), true, "handoff")));
        String s = HandoffSummary.build("b9", "HEALTH_SAFETY", "pet", turns,
                id -> id.equals("PX-1001") ? Optional.of(ORDER) : Optional.empty(), "");
        assertThat(s).contains("买家 b9").contains("猫吃了以后一直吐").contains("我上周买的猫粮到了吗")
                .contains("PX-1001").contains("三文鱼猫粮").contains("查物流成功").contains("健康安全").contains("pet");
        assertThat(s).doesNotContain("handoff_to_human");
    }

    @Test
    void ordersNotOfTheBuyerAreNamedWithoutDetails() {
        List<Turn> turns = List.of(buyer("查一下 ZZ-9"),
                bot("没找到", new Turn.ToolCall(ToolNames.ORDER_LOOKUP, Map.of("orderId", "ZZ-9"), false, "not found")));
        String s = HandoffSummary.build("b9", "REQUESTED", Handoff.GENERAL, turns, id -> Optional.empty(), null);
        assertThat(s).contains("ZZ-9").contains("查订单未成功").doesNotContain("需 general");
    }

    @Test
    void staysWithinTheLimitAndKeepsThePlannersNote() {
        List<Turn> turns = List.of(buyer("很长的问题".repeat(500)));
        String s = HandoffSummary.build("b9", "UNANSWERED", Handoff.GENERAL, turns, id -> Optional.empty(), "买家问了两次积分规则");
        assertThat(s.length()).isLessThanOrEqualTo(HandoffSummary.MAX_CHARS);
        assertThat(s).contains("机器人备注:买家问了两次积分规则");
    }
}
