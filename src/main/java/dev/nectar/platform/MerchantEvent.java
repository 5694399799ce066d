package dev.nectar.platform;

import java.util.List;
import java.util.Map;

/**
 * Something that happened in a merchant's shop that their own systems may act on (a case to refund, a buyer waiting
 * for a person). Fired as a CDI event by the feature where it happens, after its write; the webhook outbox observes
 * it, so no feature depends on webhooks.
 *
 * @param data ids and statuses, never buyer text, secrets or phone numbers
 */
public record MerchantEvent(String merchantId, String type, Map<String, Object> data) {
    public static final String CASE_CREATED = "case.created";
    public static final String CASE_DECIDED = "case.decided";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String HANDOFF_QUEUED = "handoff.queued";
    public static final String HANDOFF_RESOLVED = "handoff.resolved";
    public static final String CONVERSATION_CLOSED = "conversation.closed";
    public static final String QUALITY_FINDING = "quality.finding";
    public static final String KNOWLEDGE_READY = "knowledge.ready";

    /** Every type a merchant may subscribe to. */
    public static final List<String> TYPES = List.of(CASE_CREATED, CASE_DECIDED, ORDER_CANCELLED, HANDOFF_QUEUED,
            HANDOFF_RESOLVED, CONVERSATION_CLOSED, QUALITY_FINDING, KNOWLEDGE_READY);
}
