package dev.nectar.handoff;

import dev.nectar.platform.MerchantEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conversation waiting for, or held by, a human agent.
 *
 * @param priority        1 is served first (complaints and threats), then 2 (health and safety), then 3
 * @param skill           the certification the conversation needs ({@code general} when none)
 * @param createdAt       when the buyer started waiting; a requeued handoff keeps it, so it goes back to the front
 * @param note            the agent's closing note
 * @param generalFallback true when no certified agent came in time and a general agent took it
 */
public record Handoff(String handoffId, String merchantId, String conversationId, String buyerId, String skill,
                      int priority, String reason, String summary, Status status, String agentId,
                      Instant createdAt, Instant assignedAt, Instant resolvedAt, String note, boolean generalFallback) {

    public static final String GENERAL = "general";

    public enum Status {
        QUEUED, ASSIGNED, RESOLVED
    }

    public static Handoff queued(String handoffId, String merchantId, String conversationId, String buyerId, String skill,
                                 int priority, String reason, String summary, Instant at) {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill == null || skill.isBlank() ? GENERAL : skill,
                priority, reason, summary, Status.QUEUED, null, at, null, null, null, false);
    }

    public boolean needsCertification() {
        return !GENERAL.equals(skill);
    }

    public Duration waited(Instant now) {
        return Duration.between(createdAt, now);
    }

    public Handoff assignedTo(String agent, Instant at, boolean general) {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.ASSIGNED, agent, createdAt, at, null, null, general);
    }

    public Handoff requeued() {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.QUEUED, null, createdAt, null, null, null, false);
    }

    /** This handoff as the merchant's systems hear of it: ids and routing, not the summary (it quotes the buyer). */
    public MerchantEvent event(String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("handoffId", handoffId);
        data.put("conversationId", conversationId);
        data.put("buyerId", buyerId);
        data.put("status", status.name());
        data.put("reason", reason);
        data.put("skill", skill);
        data.put("priority", priority);
        data.put("agentId", agentId);
        data.put("createdAt", createdAt.toString());
        data.put("resolvedAt", resolvedAt == null ? null : resolvedAt.toString());
        return new MerchantEvent(merchantId, type, data);
    }

    public Handoff resolved(Instant at, String closingNote) {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.RESOLVED, agentId, createdAt, assignedAt, at, closingNote, generalFallback);
    }
}
