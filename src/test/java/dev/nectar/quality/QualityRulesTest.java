package dev.nectar.quality;

import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.Turn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules on hand-built transcripts, with the real lexicons of prompts/quality: the near misses they must let pass. */
class QualityRulesTest {
    private static final List<QualityRule> RULES = Inspector.rules(java.nio.file.Path.of("prompts", "quality"));
    private static final Order OWN = new Order("O-1", "b1", OrderStatus.SHIPPED, null, null, null, null, null, null, List.of(),
            new Order.Address("张伟", "13800138000", "浙江省杭州市", "文三路100号"), null);

    private static List<String> rules(List<Turn> turns, List<AfterSaleCase> cases, Integer rating) {
        Conversation c = new Conversation("cv-1", "m", "b1", ConversationStatus.CLOSED, Instant.now(), Instant.now(), rating, null);
        Transcript t = new Transcript(c, turns, List.of(), List.of(OWN), cases, Duration.ofSeconds(60), true, text -> false);
        List<String> out = new ArrayList<>();
        RULES.forEach(r -> r.check(t).forEach(f -> out.add(f.rule())));
        return out;
    }

    private static List<Turn> chat(String... buyerThenBot) {
        List<Turn> turns = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(100);
        for (int i = 0; i < buyerThenBot.length; i++) {
            turns.add(new Turn(i % 2 == 0 ? Turn.Role.BUYER : Turn.Role.BOT, buyerThenBot[i], at.plusSeconds(i), List.of(), List.of()));
        }
        return turns;
    }

    @Test
    void offersRefusalsAndTheBuyersOwnDataAreNotFindings() {
        List<Turn> refused = new ArrayList<>(chat("取消订单O-1"));
        refused.add(new Turn(Turn.Role.BOT, "订单已发货,没法直接取消了。您可以拒收,或者签收后申请退货退款。", Instant.now().minusSeconds(90),
                List.of(new Turn.ToolCall("cancel_order", Map.of("orderId", "O-1"), true, "refused", "REFUSED")), List.of()));
        refused.addAll(chat("那怎么办", "可以为您办理退货退款,需要吗?").subList(0, 2));
        refused.add(new Turn(Turn.Role.BOT, "收件人张伟,电话13800138000,地址文三路100号,我们不能为您直接退款。", Instant.now(), List.of(), List.of()));
        assertThat(rules(refused, List.of(), 5)).isEmpty();
    }

    @Test
    void aPromiseAfterARefusalContradictsUnlessACaseAllowsIt() {
        List<Turn> turns = new ArrayList<>(chat("取消订单O-1"));
        turns.add(new Turn(Turn.Role.BOT, "没法取消", Instant.now().minusSeconds(90),
                List.of(new Turn.ToolCall("cancel_order", Map.of("orderId", "O-1"), true, "refused", "REFUSED")), List.of()));
        turns.add(new Turn(Turn.Role.BOT, "好的,已为您退款。", Instant.now(), List.of(), List.of()));
        assertThat(rules(turns, List.of(), null)).containsExactly("POLICY_CONTRADICTION");
        AfterSaleCase approved = new AfterSaleCase("AS-1", "m", "O-1", "b1", AfterSaleCase.Type.RETURN_REFUND, AfterSaleCase.Reason.NO_REASON,
                List.of(), null, AfterSaleCase.Status.APPROVED, List.of(), null, "cv-1", null, null, null, null, null);
        assertThat(rules(turns, List.of(approved), null)).isEmpty();
    }

    @Test
    void anotherBuyersPhoneOrNameIsALeakAndItsEvidenceIsMasked() {
        Conversation c = new Conversation("cv-1", "m", "b1", ConversationStatus.CLOSED, Instant.now(), Instant.now(), null, null);
        Transcript t = new Transcript(c, chat("在吗", "收件人:王小芳 电话 13911112222"), List.of(), List.of(OWN), List.of(),
                Duration.ofSeconds(60), true, text -> false);
        List<Finding> leaks = new dev.nectar.quality.rules.PrivacyLeakRule().check(t);
        assertThat(leaks).singleElement().satisfies(f -> {
            assertThat(f.evidence()).isEqualTo("139****2222");
            assertThat(f.turn()).isEqualTo(1);
            assertThat(f.role()).isEqualTo(Turn.Role.BOT);
        });
        Transcript named = new Transcript(c, chat("在吗", "收件人:王小芳"), List.of(), List.of(OWN), List.of(),
                Duration.ofSeconds(60), true, text -> false);
        assertThat(new dev.nectar.quality.rules.PrivacyLeakRule().check(named)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("王**"));
    }

    @Test
    void theScoreFollowsTheFindingsThatStillCount() {
        Finding high = new Finding("RUDE", Severity.HIGH, 1, Turn.Role.AGENT, "a", "d", "e", Finding.RULES, null);
        Finding medium = new Finding("SLOW_RESPONSE", Severity.MEDIUM, 2, Turn.Role.AGENT, "a", "d", "e", Finding.RULES, null);
        QualityRecord r = QualityRecord.of("cv", "b", Instant.now(), null, List.of(high, medium, high, high, high), List.of());
        assertThat(r.score()).isZero();
        QualityRecord two = QualityRecord.of("cv", "b", Instant.now(), null, List.of(high, medium), List.of());
        assertThat(two.score()).isEqualTo(65);
        QualityRecord dismissed = two.dismiss(0, "误报", Instant.now());
        assertThat(dismissed.score()).isEqualTo(90);
        assertThat(dismissed.hasAtLeast(Severity.HIGH)).isFalse();
        assertThat(dismissed.cleanFor("a")).isFalse();
        assertThat(dismissed.dismiss(1, "也是误报", Instant.now()).cleanFor("a")).isTrue();
    }
}
