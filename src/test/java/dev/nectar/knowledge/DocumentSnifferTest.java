package dev.nectar.knowledge;

import dev.nectar.platform.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentSnifferTest {

    private static void assertUnsupported(String name, byte[] bytes) {
        assertThatThrownBy(() -> DocumentSniffer.sniff(name, bytes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void theNameDecidesAmongTextTypes() {
        assertThat(DocumentSniffer.sniff("规则.MD", TestDocuments.utf8("# 规则")).type()).isEqualTo(DocumentType.MARKDOWN);
        assertThat(DocumentSniffer.sniff("a.markdown", TestDocuments.utf8("x")).type()).isEqualTo(DocumentType.MARKDOWN);
        assertThat(DocumentSniffer.sniff("a.txt", TestDocuments.utf8("x")).type()).isEqualTo(DocumentType.TEXT);
        assertThat(DocumentSniffer.sniff("a.htm", TestDocuments.utf8("<p>x")).type()).isEqualTo(DocumentType.HTML);
        assertThat(DocumentSniffer.sniff("a.csv", TestDocuments.utf8("question,answer")).type()).isEqualTo(DocumentType.FAQ_CSV);
        assertThat(DocumentSniffer.sniff("a.json", TestDocuments.utf8("[]")).type()).isEqualTo(DocumentType.FAQ_JSON);
    }

    @Test
    void theContentOverridesTheNameWhenItIsAnotherSupportedType() {
        assertThat(DocumentSniffer.sniff("a.txt", TestDocuments.pdf("hello")).type()).isEqualTo(DocumentType.PDF);
        assertThat(DocumentSniffer.sniff("page.txt", TestDocuments.utf8("  <!DOCTYPE html><p>x")).type()).isEqualTo(DocumentType.HTML);
    }

    @Test
    void binaryContentIsRefusedWhateverTheName() {
        assertUnsupported("a.txt", TestDocuments.png());
        assertUnsupported("a.md", TestDocuments.zip());
        assertUnsupported("a.csv", TestDocuments.junk());
        assertUnsupported("a.txt", new byte[]{'a', 0, 'b'});
        assertUnsupported("a.pdf", TestDocuments.utf8("not a pdf"));
        assertUnsupported("a.docx", TestDocuments.utf8("plain"));
        assertUnsupported("README", TestDocuments.utf8("plain"));
    }

    @Test
    void textIsDecodedFromUtf8Utf16OrGb18030() {
        String text = "退货地址：杭州市余杭区";
        assertThat(DocumentSniffer.sniff("a.txt", text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        assertThat(DocumentSniffer.sniff("a.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        assertThat(DocumentSniffer.sniff("a.txt", text.getBytes(StandardCharsets.UTF_16)).text()).isEqualTo(text);
        assertThat(DocumentSniffer.sniff("a.txt", text.getBytes(Charset.forName("GB18030"))).text()).isEqualTo(text);
    }

    @Test
    void anEmptyFileIsABadRequest() {
        assertThatThrownBy(() -> DocumentSniffer.sniff("a.txt", new byte[0])).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }
}
