package dev.nectar.handoff;

import dev.nectar.conversation.ConversationResource;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.UUID;

/** Opens handoffs and tells whoever routes them (the agent side) that work is waiting. */
@ApplicationScoped
public class HandoffService implements ConversationResource.HandoffView {
    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final Event<HandoffQueued> queued;

    public HandoffService(HandoffStore handoffs, ConversationStore conversations, Event<HandoffQueued> queued) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.queued = queued;
    }

    /** Fired after a handoff is queued, so routing can push it to an agent. */
    public record HandoffQueued(Handoff handoff) {
    }

    public record Queued(Handoff handoff, int position) {
    }

    /** Queues the conversation for a human, or reports the handoff it already has. */
    public Queued request(String merchantId, String conversationId, String buyerId, String reason, String skill,
                          int priority, String summary) {
        Handoff h = handoffs.openFor(merchantId, conversationId).orElse(null);
        if (h == null) {
            h = new Handoff("ho-" + UUID.randomUUID(), merchantId, conversationId, buyerId,
                    skill == null || skill.isBlank() ? "general" : skill, priority, reason, summary,
                    Handoff.Status.QUEUED, null, Instant.now(), null, null);
            handoffs.save(h);
            conversations.setStatus(conversationId, ConversationStatus.QUEUED, h.handoffId());
            queued.fire(new HandoffQueued(h));
            h = handoffs.find(merchantId, h.handoffId()).orElse(h);
        }
        return new Queued(h, h.status() == Handoff.Status.QUEUED ? handoffs.ahead(h) + 1 : 0);
    }

    @Override
    public Object view(String merchantId, String handoffId) {
        return handoffs.find(merchantId, handoffId).orElse(null);
    }
}
