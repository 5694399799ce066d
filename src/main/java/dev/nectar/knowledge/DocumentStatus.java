package dev.nectar.knowledge;

/** Where a document is in ingestion; only READY documents are retrieved. */
public enum DocumentStatus {
    PROCESSING, READY, FAILED
}
