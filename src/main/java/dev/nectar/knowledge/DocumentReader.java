package dev.nectar.knowledge;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/** Turns a typed source into text sections or FAQ pairs; every failure is an {@link UnreadableDocumentException}. */
final class DocumentReader {

    private DocumentReader() {
    }

    static Content read(Source source) {
        Content content = switch (source.type()) {
            case MARKDOWN -> MarkdownReader.read(source.text());
            case TEXT -> PlainTextReader.read(source.text());
            case HTML -> HtmlReader.read(source.text());
            case PDF -> PlainTextReader.read(PlainTextReader.unwrap(pdfText(source.bytes())));
            case FAQ_CSV -> FaqReader.csv(source.text());
            case FAQ_JSON -> FaqReader.json(source.text());
        };
        if (content.isEmpty()) {
            throw new UnreadableDocumentException(source.type() == DocumentType.PDF
                    ? "the PDF has no extractable text (a scan needs OCR first)"
                    : "the document has no text");
        }
        return content;
    }

    private static String pdfText(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("the PDF is password protected");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("the PDF is damaged and could not be read");
        }
    }
}
