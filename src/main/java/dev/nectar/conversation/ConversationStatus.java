package dev.nectar.conversation;

public enum ConversationStatus {
    BOT, QUEUED, WITH_AGENT, CLOSED
}
