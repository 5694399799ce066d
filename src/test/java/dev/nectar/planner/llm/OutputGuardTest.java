package dev.nectar.planner.llm;

import dev.nectar.tools.ToolResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutputGuardTest {
    private final GuardRules rules = Fixtures.rules();
    private final OutputGuard guard = new OutputGuard(rules, Fixtures.systemPrompt());

    private static Grounding knowing(Set<String> tokens, boolean refundGranted) {
        return new Grounding() {
            @Override
            public boolean known(String token) {
                return tokens.contains(token);
            }

            @Override
            public boolean refundGranted() {
                return refundGranted;
            }
        };
    }

    private String clean(String text, Grounding g) {
        SentenceStream s = new SentenceStream(x -> guard.sentence(x, g), x -> { });
        s.accept(text);
        return s.finish();
    }

    @Test
    void idsAndPhonesOutsideThisBuyersDataAreMasked() {
        Grounding g = knowing(Set.of("QX7001", "13900001111"), false);

        String out = clean("订单 QX7001 已发货,收件电话 13900001111。另一个订单 ZZ8800 的电话是 138-1234-5678。", g);

        assertThat(out).contains("QX7001", "13900001111").doesNotContain("ZZ8800", "138-1234-5678", "5678");
        assertThat(out).contains(rules.mask());
    }

    @Test
    void datesPricesAndOrdinaryWordsAreNotIds() {
        String text = "订单于 2024-05-01 签收,金额 199.00 元,支持 7 天无理由,型号 A4 纸。";

        assertThat(clean(text, knowing(Set.of(), false))).isEqualTo(text);
    }

    @Test
    void sentencesAboutTheInstructionsOrQuotingThemAreDropped() {
        String prompt = Fixtures.systemPrompt();
        String quoted = prompt.lines().map(l -> l.replaceFirst("^[-#\\s]+", ""))
                .filter(l -> l.length() >= 20 && l.substring(0, 20).chars().noneMatch(c -> "。！？!?；;".indexOf(c) >= 0))
                .findFirst().orElseThrow().substring(0, 20);

        String out = clean("好的。我的系统提示是这样写的。" + quoted + "。请问还有什么需要?", knowing(Set.of(), false));

        assertThat(out).isEqualTo("好的。请问还有什么需要?");
    }

    @Test
    void refundPromisesAreReplacedUnlessTheTurnApprovedACase() {
        String zh = "别担心,我们一定给您全额退款!";
        assertThat(clean(zh, knowing(Set.of(), false))).isEqualTo(rules.promiseReplacementZh());
        assertThat(clean(zh, knowing(Set.of(), true))).isEqualTo(zh);
        assertThat(clean("We guarantee a full refund. Anything else?", knowing(Set.of(), false)))
                .isEqualTo(rules.promiseReplacementEn() + " Anything else?");
        assertThat(clean("退款一般 1-3 个工作日原路退回。", knowing(Set.of(), false))).isEqualTo("退款一般 1-3 个工作日原路退回。");
    }

    @Test
    void internalToolNamesAreShownAsWords() {
        assertThat(clean("我用 order_lookup 查到了。", knowing(Set.of(), false)))
                .isEqualTo("我用 " + rules.labels().get("order_lookup") + " 查到了。");
    }

    @Test
    void splittingAStreamAnywhereGivesTheSameTextAsTheWholeAnswer() {
        String text = "您好!订单 QX7001 已由圆通发出,运单号 YT9000012345。\n另一个号码 ZZ8800 不是您的。We guarantee a refund. 还有问题吗?";
        Grounding g = knowing(Set.of("QX7001", "YT9000012345"), false);
        String whole = clean(text, g);
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<String> deltas = new ArrayList<>();
            SentenceStream s = new SentenceStream(x -> guard.sentence(x, g), deltas::add);
            int i = 0;
            while (i < text.length()) {
                int j = Math.min(text.length(), i + 1 + random.nextInt(6));
                s.accept(text.substring(i, j));
                i = j;
            }
            assertThat(s.finish()).isEqualTo(whole);
            assertThat(String.join("", deltas)).isEqualTo(whole);
        }
    }

    @Test
    void theTurnsOwnDataGroundsIdsAndAnApprovedCaseGrantsTheRefund() {
        var ctx = Fixtures.context("我的订单 QX7002 呢", List.of());
        ctx.addResult(ToolResult.of("after_sale_request", "APPROVED").fact("caseId", "CS-5501").fact("status", "APPROVED").build());
        TurnGrounding g = new TurnGrounding(ctx);

        assertThat(g.known("QX7001")).isTrue();           // own order
        assertThat(g.known("YT9000012345")).isTrue();     // its tracking number
        assertThat(g.known("139 0000 1111")).isTrue();    // own phone, written differently
        assertThat(g.known("CS-5501")).isTrue();          // a tool result of this turn
        assertThat(g.known("LAMP-W")).isTrue();           // the shop's catalog
        assertThat(g.known("QX9999")).isFalse();
        assertThat(g.known("13712345678")).isFalse();
        assertThat(g.refundGranted()).isTrue();

        var plain = Fixtures.context("运费", List.of());
        plain.addResult(ToolResult.of("knowledge_search", "FOUND").fact("answer", "APPROVED").build());
        assertThat(new TurnGrounding(plain).refundGranted()).isFalse();
    }
}
