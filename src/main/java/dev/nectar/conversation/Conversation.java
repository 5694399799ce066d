package dev.nectar.conversation;

import java.time.Instant;

public record Conversation(String conversationId, String merchantId, String buyerId, ConversationStatus status,
                           Instant createdAt, Instant updatedAt, Integer rating, String handoffId) {
}
