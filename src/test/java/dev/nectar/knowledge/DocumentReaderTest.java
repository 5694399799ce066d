package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentReaderTest {

    private static Content read(String name, byte[] bytes) {
        return DocumentReader.read(DocumentSniffer.sniff(name, bytes));
    }

    private static Content read(String name, String text) {
        return read(name, TestDocuments.utf8(text));
    }

    @Test
    void markdownHeadingsNestAndTablesBecomeSelfDescribingRows() {
        Content c = read("a.md", TestDocuments.MARKDOWN + "\n## 其他\n**注意**：[详见](http://x) `代码`\n");

        assertThat(c.title()).isEqualTo("售后须知");
        assertThat(c.sections()).containsExactly(
                new Content.Section(List.of("售后须知", "七天无理由"), "签收后七天内，吊牌完好的商品可以无理由退货。退回运费由买家承担。"),
                new Content.Section(List.of("售后须知", "运费表"), "地区：海南，运费：11 元"),
                new Content.Section(List.of("售后须知", "其他"), "注意：详见 代码"));
    }

    @Test
    void htmlDropsScriptsAndKeepsBlocksHeadingsAndTables() {
        Content c = read("a.html", TestDocuments.HTML);

        assertThat(c.title()).isEqualTo("竹编收纳篮尺码");
        assertThat(c.sections()).containsExactly(
                new Content.Section(List.of("竹编收纳篮尺码", "尺寸对照"), "型号：大号，直径(cm)：38\n竹篮请放在通风处，避免长时间泡水。"));
    }

    @Test
    void plainTextFindsChineseHeadingConventions() {
        Content c = read("a.txt", TestDocuments.TEXT + "\n一、售后\n有问题找客服。\n");

        assertThat(c.title()).isEqualTo("蜂蜜食用说明");
        assertThat(c.sections()).extracting(Content.Section::headingPath).containsExactly(
                List.of("蜂蜜食用说明", "【冲调方法】"), List.of("蜂蜜食用说明", "【结晶】"), List.of("蜂蜜食用说明", "一、售后"));
    }

    @Test
    void pdfLinesWrappedMidSentenceAreJoined() {
        Content c = read("a.pdf", TestDocuments.pdf("Care guide", "Wipe the basket with a dry", "cloth after use."));

        assertThat(c.title()).isEqualTo("Care guide");
        assertThat(c.sections()).extracting(Content.Section::text).containsExactly("Wipe the basket with a dry cloth after use.");
        assertThat(PlainTextReader.unwrap("退货请先在订单页申请售后\n审核通过后寄回。\n【地址】\n杭州")).isEqualTo("退货请先在订单页申请售后审核通过后寄回。\n【地址】\n杭州");
    }

    @Test
    void brokenPdfsAreUnreadableWithAReason() {
        assertThatThrownBy(() -> read("a.pdf", TestDocuments.brokenPdf()))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("PDF");
    }

    @Test
    void faqCsvAndJsonBecomePairs() {
        assertThat(read("f.csv", TestDocuments.CSV).faq()).containsExactly(
                new FaqPair("竹篮可以装水果吗？", "可以，竹篮透气，适合装苹果、橘子等水果。"),
                new FaqPair("会不会掉竹屑？", "出厂前打磨三遍，正常使用不会掉屑。"));
        assertThat(read("f.csv", "\uFEFF问题,答案\n包邮吗,满59包邮\n").faq()).containsExactly(new FaqPair("包邮吗", "满59包邮"));
        assertThat(read("f.json", TestDocuments.JSON).faq()).hasSize(2);
    }

    @Test
    void anAnswerWithUnquotedCommasKeepsAllOfItsText() {
        assertThat(read("f.csv", "question,answer\n袜子怎么选码?,S 码适合 34-36,M 码适合 37-39,L 码适合 40-42。\n").faq())
                .containsExactly(new FaqPair("袜子怎么选码?", "S 码适合 34-36,M 码适合 37-39,L 码适合 40-42。"));
        // with the answer not last, extra cells cannot be placed and are left out
        assertThat(read("f.csv", "answer,question\n满59包邮,包邮吗,备注\n").faq()).containsExactly(new FaqPair("包邮吗", "满59包邮"));
    }

    @Test
    void malformedFaqsSayWhatIsWrong() {
        assertThatThrownBy(() -> read("f.csv", "q1,a1\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> read("f.csv", "question,answer\n只有问题,\n")).hasMessageContaining("row 2");
        assertThatThrownBy(() -> read("f.json", "[{\"question\":\"q\",\"answer\":3}]")).hasMessageContaining("item 0");
        assertThatThrownBy(() -> read("f.json", "[1,")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("f.json", "[]")).hasMessageContaining("no text");
    }
}
