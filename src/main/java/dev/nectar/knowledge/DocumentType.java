package dev.nectar.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The formats a merchant may upload; FAQ formats hold question and answer pairs. */
public enum DocumentType {
    MARKDOWN, TEXT, HTML, PDF, FAQ_CSV, FAQ_JSON;

    public boolean isFaq() {
        return this == FAQ_CSV || this == FAQ_JSON;
    }

    /** The type a file name claims, if any. */
    static Optional<DocumentType> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (ext) {
            case "md", "markdown" -> MARKDOWN;
            case "txt", "text" -> TEXT;
            case "html", "htm" -> HTML;
            case "pdf" -> PDF;
            case "csv" -> FAQ_CSV;
            case "json" -> FAQ_JSON;
            default -> null;
        });
    }
}
