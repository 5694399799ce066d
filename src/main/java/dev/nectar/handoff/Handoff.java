package dev.nectar.handoff;

import java.time.Instant;

/**
 * A conversation waiting for, or held by, a human agent.
 *
 * @param priority 1 is served first (complaints and threats), then 2 (health and safety), then 3
 */
public record Handoff(String handoffId, String merchantId, String conversationId, String buyerId, String skill,
                      int priority, String reason, String summary, Status status, String agentId,
                      Instant createdAt, Instant assignedAt, Instant resolvedAt) {

    public enum Status {
        QUEUED, ASSIGNED, RESOLVED
    }

    public Handoff assignedTo(String agent, Instant at) {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.ASSIGNED, agent, createdAt, at, null);
    }

    public Handoff requeued() {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.QUEUED, null, createdAt, null, null);
    }

    public Handoff resolved(Instant at) {
        return new Handoff(handoffId, merchantId, conversationId, buyerId, skill, priority, reason, summary,
                Status.RESOLVED, agentId, createdAt, assignedAt, at);
    }
}
