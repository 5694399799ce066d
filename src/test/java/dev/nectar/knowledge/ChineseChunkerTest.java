package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseChunkerTest {
    private final ChineseChunker chunker = new ChineseChunker(60, 20, 100);

    private static List<ChineseChunker.Draft> chunk(ChineseChunker chunker, String title, List<String> path, String text) {
        return chunker.chunk(title, Content.ofSections(null, List.of(new Content.Section(path, text))));
    }

    /** The chunk itself: its retrieval text without the heading line. */
    private static String body(ChineseChunker.Draft d) {
        return d.retrievalText().substring(d.retrievalText().indexOf('\n') + 1);
    }

    @Test
    void sentencesEndAtChinesePunctuationKeepingClosingQuotes() {
        assertThat(ChineseChunker.sentences("七天可退。运费谁出？“买家出！”好的;下一句\n最后一行"))
                .containsExactly("七天可退。", "运费谁出？", "“买家出！”", "好的;", "下一句\n", "最后一行");
        assertThat(ChineseChunker.sentences("SPF50+ 的 3.5 倍")).containsExactly("SPF50+ 的 3.5 倍");
    }

    @Test
    void chunksStayWithinTheBoundAndRepeatTheLastSentencesOfThePreviousChunk() {
        String text = "第一句讲发货时间是十六点前。第二句讲顺丰加急要补十二元。第三句讲偏远地区改用邮政。"
                + "第四句讲港澳台暂时不发货。第五句讲春节前七天停发。第六句讲停发期间可以下单。";
        List<ChineseChunker.Draft> drafts = chunk(chunker, "发货", List.of("发货与物流", "快递"), text);

        assertThat(drafts).hasSizeGreaterThan(1);
        assertThat(drafts).allSatisfy(d -> assertThat(body(d).length()).isLessThanOrEqualTo(60));
        for (int i = 1; i < drafts.size(); i++) {
            String previous = body(drafts.get(i - 1));
            String lastSentence = previous.substring(previous.lastIndexOf('。', previous.length() - 2) + 1);
            assertThat(body(drafts.get(i))).startsWith(lastSentence);
        }
        assertThat(String.join("", drafts.stream().map(ChineseChunkerTest::body).toList())).contains("第六句讲停发期间可以下单。");
    }

    @Test
    void aSectionALittleOverOneChunkIsSplitEvenlyWithoutAStrayLastSentence() {
        String text = "寄回前请先申请售后。\n收件人：售后部\n电话：0571-0000\n地址：杭州市余杭区良睦路一号二楼。\n请不要寄到发货仓。";
        List<ChineseChunker.Draft> drafts = chunk(new ChineseChunker(50, 10, 50), "t", List.of("退货地址"), text);

        assertThat(drafts).hasSize(2);
        assertThat(body(drafts.get(1))).endsWith("请不要寄到发货仓。").contains("良睦路");
    }

    @Test
    void aHitReturnsItsChunkWidenedToTheSurroundingSentences() {
        String text = "寄回前请先申请售后。\n收件人：售后部\n电话：0571-0000\n地址：杭州市余杭区良睦路一号二楼。\n请不要寄到发货仓。";
        List<ChineseChunker.Draft> drafts = chunk(new ChineseChunker(50, 10, 200), "t", List.of("退货地址"), text);

        assertThat(drafts).hasSize(2).allSatisfy(d -> assertThat(d.text()).isEqualTo(text));
        assertThat(chunk(new ChineseChunker(50, 10, 60), "t", List.of("退货地址"), text))
                .allSatisfy(d -> assertThat(d.text().length()).isLessThanOrEqualTo(60));
    }

    @Test
    void theHeadingPathIsMetadataAndPrefixesTheRetrievalText() {
        assertThat(chunk(chunker, "文档", List.of("退换货政策", "七天无理由"), "签收后七天内可以退货。"))
                .containsExactly(new ChineseChunker.Draft("退换货政策 > 七天无理由", "签收后七天内可以退货。",
                        "退换货政策 > 七天无理由\n签收后七天内可以退货。"));
    }

    @Test
    void sectionsNeverShareAChunkAndTextWithoutHeadingsUsesTheTitle() {
        List<ChineseChunker.Draft> drafts = chunker.chunk("蜂蜜说明", Content.ofSections(null, List.of(
                new Content.Section(List.of(), "不要用开水冲。"),
                new Content.Section(List.of("保存"), "常温避光。"))));

        assertThat(drafts).extracting(ChineseChunker.Draft::retrievalText)
                .containsExactly("蜂蜜说明\n不要用开水冲。", "保存\n常温避光。");
    }

    @Test
    void aSentenceLongerThanAChunkIsCutIntoOverlappingWindows() {
        List<ChineseChunker.Draft> drafts = chunk(chunker, "t", List.of(), "尺码".repeat(70));

        assertThat(drafts).hasSize(3).allSatisfy(d -> assertThat(d.text().length()).isLessThanOrEqualTo(60));
        assertThat(drafts.get(1).text()).startsWith(drafts.get(0).text().substring(40));
    }

    @Test
    void anFaqPairIsOneChunkRetrievedByItsQuestion() {
        List<ChineseChunker.Draft> drafts = chunker.chunk("问答", Content.ofFaq(List.of(new FaqPair("能开发票吗？", "可以，确认收货后申请。"))));

        assertThat(drafts).containsExactly(new ChineseChunker.Draft("", "问：能开发票吗？\n答：可以，确认收货后申请。", "能开发票吗？"));
    }

    @Test
    void inconsistentSizesAreRefused() {
        assertThatThrownBy(() -> new ChineseChunker(100, 60, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChineseChunker(100, 20, 80)).isInstanceOf(IllegalArgumentException.class);
    }
}
