package dev.nectar.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints and the durable outbox of their deliveries. Every node polls the same outbox: {@link #claimDue} hands a
 * due delivery to exactly one claimer until its lease ends, so an event reaches each endpoint once unless a node
 * dies between sending and {@link #record recording} (receivers dedupe by the event id).
 */
public interface WebhookStore {

    void create(Webhook webhook, String secret);

    List<Webhook> list(String merchantId);

    Optional<Webhook> find(String merchantId, String webhookId);

    /** Removes the endpoint and its outbox; false when the merchant has no such endpoint. */
    boolean delete(String merchantId, String webhookId);

    /** An event to send: one delivery per endpoint of the merchant that subscribed to its type. */
    record Event(String eventId, String merchantId, String type, String payload, Instant createdAt) {
    }

    /** Queues the event for every subscribed endpoint, due at once and retried until {@code deadline}; returns how many. */
    int enqueue(Event event, Instant deadline);

    /** A delivery this claimer now owns, with what sending it needs. */
    record Claimed(String deliveryId, String claim, String eventId, String type, String url, String secret,
                   String payload, int attempts, Instant deadline) {
    }

    /** Takes up to {@code limit} due deliveries that no live claim holds, each for {@code lease}. */
    List<Claimed> claimDue(Instant now, java.time.Duration lease, int limit);

    /**
     * Records an attempt of a claimed delivery: delivered, due again at {@code retryAt}, or failed for good when
     * {@code retryAt} is null and it was not delivered. Ignored when the claim was lost (its lease ran out).
     */
    boolean record(Claimed claimed, Instant at, Integer responseStatus, boolean delivered, Instant retryAt);

    /** The endpoint's deliveries, newest first. */
    List<Delivery> deliveries(String merchantId, String webhookId, int limit);

    /** Makes a delivery due now, whatever its status, with a new deadline. */
    Optional<Delivery> resend(String merchantId, String webhookId, String deliveryId, Instant now, Instant deadline);
}
