package dev.nectar.knowledge;

/** A document whose content cannot be turned into text; the message is shown to the merchant as the reason. */
public class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String reason) {
        super(reason, null, false, false);
    }
}
