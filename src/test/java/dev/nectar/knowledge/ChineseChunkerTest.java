package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseChunkerTest {
    private final ChineseChunker chunker = new ChineseChunker(60);

    private static List<ChineseChunker.Draft> chunk(ChineseChunker chunker, String title, List<String> path, String text) {
        return chunker.chunk(title, Content.ofSections(null, List.of(new Content.Section(path, text))));
    }

    @Test
    void sentencesEndAtChinesePunctuationKeepingClosingQuotes() {
        assertThat(ChineseChunker.sentences("七天可退。运费谁出？“买家出！”好的;下一句"))
                .containsExactly("七天可退。", "运费谁出？", "“买家出！”", "好的;", "下一句");
        assertThat(ChineseChunker.sentences("SPF50+ 的 3.5 倍")).containsExactly("SPF50+ 的 3.5 倍");
    }

    @Test
    void everyLineIsAFactRetrievedUnderItsHeadingPath() {
        List<ChineseChunker.Draft> drafts = chunk(chunker, "物流", List.of("发货与物流", "快递公司"),
                "默认发中通快递。\n需要顺丰的每单补 12 元。");

        assertThat(drafts).containsExactly(
                new ChineseChunker.Draft("发货与物流 > 快递公司", "默认发中通快递。", "发货与物流 > 快递公司\n默认发中通快递。"),
                new ChineseChunker.Draft("发货与物流 > 快递公司", "需要顺丰的每单补 12 元。", "发货与物流 > 快递公司\n需要顺丰的每单补 12 元。"));
    }

    @Test
    void aTableRowIsOneFactOfItsOwn() {
        List<ChineseChunker.Draft> drafts = chunk(chunker, "尺码", List.of("尺码表"), "尺码：41，脚长(mm)：250-255\n尺码：42，脚长(mm)：255-260");

        assertThat(drafts).extracting(ChineseChunker.Draft::text).containsExactly("尺码：41，脚长(mm)：250-255", "尺码：42，脚长(mm)：255-260");
    }

    @Test
    void aLeadInLineTravelsWithEachListItemUnderIt() {
        List<ChineseChunker.Draft> drafts = chunk(chunker, "退货", List.of("七天无理由"),
                "以下商品不支持七天无理由退货：\n- 定制刻字杯；\n- 已拆封的茶叶。\n其他商品签收 7 天内可退。");

        assertThat(drafts).extracting(ChineseChunker.Draft::text).containsExactly(
                "以下商品不支持七天无理由退货：定制刻字杯；", "以下商品不支持七天无理由退货：已拆封的茶叶。", "其他商品签收 7 天内可退。");
    }

    @Test
    void aLongParagraphIsCutIntoSentencesPackedUpToTheBound() {
        String text = "第一句讲的是发货时间一般在下单后四十八小时以内。".repeat(2) + "第三句讲运费。" + "很长".repeat(40);
        List<ChineseChunker.Draft> drafts = chunk(chunker, "t", List.of("发货"), text);

        assertThat(drafts).allSatisfy(d -> assertThat(d.text().length()).isLessThanOrEqualTo(60));
        assertThat(String.join("", drafts.stream().map(ChineseChunker.Draft::text).toList())).contains("第三句讲运费。");
        assertThat(drafts.get(0).text()).endsWith("。");
    }

    @Test
    void anFaqPairIsOneChunkRetrievedByItsQuestion() {
        List<ChineseChunker.Draft> drafts = chunker.chunk("问答", Content.ofFaq(List.of(new FaqPair("能开发票吗？", "可以，确认收货后申请。"))));

        assertThat(drafts).containsExactly(new ChineseChunker.Draft("", "问：能开发票吗？\n答：可以，确认收货后申请。", "能开发票吗？"));
    }

    @Test
    void aTinyBoundIsRefused() {
        assertThatThrownBy(() -> new ChineseChunker(20)).isInstanceOf(IllegalArgumentException.class);
    }
}
