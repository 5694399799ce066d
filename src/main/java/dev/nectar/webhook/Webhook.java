package dev.nectar.webhook;

import java.time.Instant;
import java.util.List;

/** A merchant's endpoint and the events it wants; its signing secret is kept beside it, never in this view. */
public record Webhook(String webhookId, String merchantId, String url, List<String> events, Instant createdAt) {
}
