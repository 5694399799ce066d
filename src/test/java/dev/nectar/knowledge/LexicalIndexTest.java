package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexicalIndexTest {

    @Test
    void chineseBecomesBigramsAndAsciiWordsStayWhole() {
        assertThat(BigramTokenizer.tokens("防晒喷雾 SPF50+ 补喷")).containsExactly("防晒", "晒喷", "喷雾", "spf50", "补喷");
        assertThat(BigramTokenizer.tokens("４２码")).containsExactly("42", "码");
    }

    @Test
    void questionFillerSplitsRunsInsteadOfMakingBigrams() {
        assertThat(BigramTokenizer.tokens("请问你们怎么开发票呢？")).containsExactly("开发", "发票");
        assertThat(BigramTokenizer.tokens("你们从哪里发货")).containsExactly("从", "发货");
    }

    @Test
    void theChunkCoveringTheRareQueryWordsRanksFirstAndScoresAreNormalised() {
        LexicalIndex index = LexicalIndex.build(List.of(
                "发货时间：十六点前付款当天发货。",
                "电子发票在确认收货后申请，三个工作日开具。",
                "退货运费由买家承担。"));

        double[] scores = index.scores("怎么开发票");

        assertThat(scores[1]).isGreaterThan(scores[0]).isGreaterThan(0);
        assertThat(scores[2]).isZero();
        assertThat(java.util.Arrays.stream(scores).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat(index.scores("发票")[1]).isGreaterThan(0.5);
    }

    @Test
    void wordsTheDocumentsNeverUseLowerTheScore() {
        LexicalIndex index = LexicalIndex.build(List.of("仓库在嘉兴平湖。", "发票三个工作日开具。"));

        assertThat(index.scores("仓库有几个员工")[0]).isLessThan(index.scores("仓库在哪")[0]);
        assertThat(index.scores("你们老板是哪里人")).containsOnly(0.0);
    }
}
