package dev.nectar.knowledge;

/**
 * A document's raw content with the type decided for it; {@code text} is the decoded text of every type but PDF.
 */
record Source(String name, DocumentType type, byte[] bytes, String text) {

    static Source ofText(String name, DocumentType type, String text) {
        return new Source(name, type, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), text);
    }
}
