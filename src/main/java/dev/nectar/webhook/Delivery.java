package dev.nectar.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** One event for one endpoint, as the delivery log shows it. */
public record Delivery(String deliveryId, @JsonIgnore String webhookId, String event, Status status, int attempts,
                       Instant lastAttemptAt, Integer responseStatus) {
    public enum Status {
        /** waiting for its next attempt */
        PENDING,
        /** the endpoint answered 2xx */
        DELIVERED,
        /** still refused when its 24 hours ran out; a manual re-send starts it again */
        FAILED
    }
}
