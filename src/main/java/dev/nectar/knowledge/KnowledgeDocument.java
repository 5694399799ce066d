package dev.nectar.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * A merchant's document as the API shows it. {@code fileName} identifies it: a new upload with the same name replaces
 * it. {@code reason} says why a FAILED document failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeDocument(String docId, String title, String fileName, DocumentType type, DocumentStatus status,
                                int chunks, String reason, long bytes, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {
}
