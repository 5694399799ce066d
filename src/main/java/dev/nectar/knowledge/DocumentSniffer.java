package dev.nectar.knowledge;

import dev.nectar.platform.ApiException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides an upload's type from its bytes as well as its name: a PDF must look like one, every other type must be
 * text (UTF-8, UTF-16 with a byte-order mark, or GB18030 as Chinese spreadsheets export it). Archives, images,
 * executables and other binary content are refused with 415 whatever the file is called.
 */
final class DocumentSniffer {
    private record Magic(String kind, int offset, byte[] bytes) {
        boolean matches(byte[] data) {
            return data.length >= offset + bytes.length
                    && Arrays.equals(data, offset, offset + bytes.length, bytes, 0, bytes.length);
        }
    }

    private static final List<Magic> BINARY = List.of(
            magic("a ZIP archive (or an Office file)", 0, 'P', 'K', 3, 4),
            magic("a ZIP archive", 0, 'P', 'K', 5, 6),
            magic("a PNG image", 0, 0x89, 'P', 'N', 'G'),
            magic("a JPEG image", 0, 0xFF, 0xD8, 0xFF),
            magic("a GIF image", 0, 'G', 'I', 'F', '8'),
            magic("a WebP image or RIFF media file", 0, 'R', 'I', 'F', 'F'),
            magic("a gzip archive", 0, 0x1F, 0x8B),
            magic("a 7-Zip archive", 0, '7', 'z', 0xBC, 0xAF),
            magic("a RAR archive", 0, 'R', 'a', 'r', '!'),
            magic("an old Office document", 0, 0xD0, 0xCF, 0x11, 0xE0),
            magic("an executable", 0, 0x7F, 'E', 'L', 'F'),
            magic("a media file", 4, 'f', 't', 'y', 'p'),
            magic("a TIFF image", 0, 'I', 'I', '*', 0),
            magic("a TIFF image", 0, 'M', 'M', 0, '*'));
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_HEADER_WINDOW = 1024;
    /** Control characters tolerated in real text files (stray form feeds, vertical tabs) before calling it binary. */
    private static final double MAX_CONTROL_SHARE = 0.005;
    private static final String SUPPORTED = "use .md, .txt, .html, .pdf, or a .csv / .json FAQ";

    private DocumentSniffer() {
    }

    /** The upload as a typed source, or 415 when it is not a supported document. */
    static Source sniff(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.invalid("file", "the file is empty");
        }
        Optional<DocumentType> claimed = DocumentType.ofFileName(fileName);
        if (looksLikePdf(bytes)) {
            return new Source(fileName, DocumentType.PDF, bytes, null);
        }
        if (claimed.orElse(null) == DocumentType.PDF) {
            throw ApiException.unsupported("the file is named .pdf but its content is not a PDF");
        }
        for (Magic m : BINARY) {
            if (m.matches(bytes)) {
                throw ApiException.unsupported("the content is " + m.kind() + ", not a document; " + SUPPORTED);
            }
        }
        String text = decode(bytes).orElseThrow(() ->
                ApiException.unsupported("the content is binary, not text; " + SUPPORTED));
        DocumentType type = claimed.orElseThrow(() -> ApiException.unsupported(
                "unsupported file type" + (fileName.contains(".") ? " ." + extension(fileName) : "") + "; " + SUPPORTED));
        if (type == DocumentType.TEXT && looksLikeHtml(text)) {
            type = DocumentType.HTML;
        }
        return new Source(fileName, type, bytes, text);
    }

    private static boolean looksLikePdf(byte[] bytes) {
        int window = Math.min(bytes.length, PDF_HEADER_WINDOW);
        outer:
        for (int i = 0; i + PDF.length <= window; i++) {
            for (int j = 0; j < PDF.length; j++) {
                if (bytes[i + j] != PDF[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** The text in the first encoding that decodes without error and is not full of control characters. */
    static Optional<String> decode(byte[] bytes) {
        Optional<String> text;
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, StandardCharsets.UTF_16);
        } else {
            text = strict(bytes, StandardCharsets.UTF_8).or(() -> strict(bytes, Charset.forName("GB18030")));
        }
        return text.map(t -> t.startsWith("\uFEFF") ? t.substring(1) : t).filter(DocumentSniffer::isText);
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isText(String text) {
        long control = text.chars().filter(ch -> ch == 0 || ch == 0xFFFD
                || (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f')).count();
        return text.indexOf('\0') < 0 && control <= text.length() * MAX_CONTROL_SHARE;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static Magic magic(String kind, int offset, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new Magic(kind, offset, b);
    }
}
