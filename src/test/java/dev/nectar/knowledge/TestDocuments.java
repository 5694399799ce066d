package dev.nectar.knowledge;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small documents of a fictional shop for tests, including real PDFs made with PDFBox (ASCII: no CJK font here). */
final class TestDocuments {
    static final String MARKDOWN = """
            # 售后须知

            ## 七天无理由
            签收后七天内，吊牌完好的商品可以无理由退货。退回运费由买家承担。

            ## 运费表
            | 地区 | 运费 |
            | --- | --- |
            | 海南 | 11 元 |
            """;

    static final String HTML = """
            <html><head><title>竹编收纳篮尺码</title><script>var hidden = "不应出现";</script></head><body>
            <h1>竹编收纳篮尺码</h1>
            <h2>尺寸对照</h2>
            <table><tr><th>型号</th><th>直径(cm)</th></tr><tr><td>大号</td><td>38</td></tr></table>
            <p>竹篮请放在通风处，避免<b>长时间</b>泡水。</p>
            </body></html>
            """;

    static final String TEXT = """
            蜂蜜食用说明

            【冲调方法】
            蜂蜜请用 60℃ 以下的温水冲调，水太烫会破坏活性酶。
            【结晶】
            蜂蜜在 13℃ 左右容易结晶，这是正常现象，隔水温热即可化开。
            """;

    static final String CSV = """
            question,answer
            竹篮可以装水果吗？,可以，竹篮透气，适合装苹果、橘子等水果。
            "会不会掉竹屑？","出厂前打磨三遍，正常使用不会掉屑。"
            """;

    static final String JSON = """
            [{"question": "蜂蜜可以给一岁以下宝宝吃吗？", "answer": "不可以，一岁以下婴儿不宜食用蜂蜜。"},
             {"question": "蜂蜜开封后怎么保存？", "answer": "拧紧瓶盖常温避光保存，不需要冷藏。"}]
            """;

    private TestDocuments() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF with these lines of ASCII text. */
    static byte[] pdf(String... lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 700);
                for (String line : lines) {
                    text.showText(line);
                    text.newLineAtOffset(0, -16);
                }
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header followed by noise: sniffed as a PDF, cannot be read as one. */
    static byte[] brokenPdf() {
        byte[] header = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(header, 2048);
        byte[] noise = junk();
        System.arraycopy(noise, 0, b, header.length, b.length - header.length);
        return b;
    }

    static byte[] png() {
        byte[] b = new byte[64];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    static byte[] zip() {
        byte[] b = new byte[64];
        byte[] header = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    static byte[] junk() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        return b;
    }
}
