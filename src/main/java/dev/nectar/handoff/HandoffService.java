package dev.nectar.handoff;

import dev.nectar.aftersales.PolicyStore;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStore;
import dev.nectar.commerce.Product;
import dev.nectar.conversation.ConversationResource;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.Turn;
import dev.nectar.platform.MerchantEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Opens handoffs and tells whoever routes them (the agent side) that work is waiting. */
@ApplicationScoped
public class HandoffService implements ConversationResource.HandoffView {
    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final OrderStore orders;
    private final CatalogStore catalog;
    private final PolicyStore policies;
    private final HandoffSettingsStore settings;
    private final Event<HandoffQueued> queued;
    private final Event<MerchantEvent> events;

    public HandoffService(HandoffStore handoffs, ConversationStore conversations, OrderStore orders, CatalogStore catalog,
                          PolicyStore policies, HandoffSettingsStore settings, Event<HandoffQueued> queued,
                          Event<MerchantEvent> events) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.orders = orders;
        this.catalog = catalog;
        this.policies = policies;
        this.settings = settings;
        this.queued = queued;
        this.events = events;
    }

    /** Fired after a handoff is queued; routing observes it and may assign the handoff before it returns. */
    public record HandoffQueued(Handoff handoff) {
    }

    /**
     * @param position place in line (1 is next), 0 once an agent holds it
     * @param offHours set when humans are off duty and the ticket waits for them
     */
    public record Queued(Handoff handoff, int position, OffHours offHours) {
    }

    /** @param backAt when humans are back, as the buyer reads it ("明天 09:00") */
    public record OffHours(String serviceHours, String backAt) {
    }

    /**
     * Queues the conversation for a human, or reports the handoff it already has. The summary for the agent is
     * built from the conversation; a planner's own note is kept in it.
     */
    public Queued request(String merchantId, String conversationId, String buyerId, String reason, String skill,
                          int priority, String botNote) {
        Handoff h = handoffs.openFor(merchantId, conversationId).orElse(null);
        if (h == null) {
            List<Turn> turns = conversations.turns(conversationId);
            Function<String, Optional<Order>> ownOrder = id -> orders.find(merchantId, id).filter(o -> o.buyerId().equals(buyerId));
            String routedSkill = skillFor(merchantId, reason, skill, turns, ownOrder);
            String summary = HandoffSummary.build(buyerId, reason, routedSkill, turns, ownOrder, botNote);
            h = Handoff.queued("ho-" + UUID.randomUUID(), merchantId, conversationId, buyerId, routedSkill, priority, reason,
                    summary, Instant.now());
            handoffs.create(h, handoffs.ahead(h) + 1);
            conversations.setStatus(conversationId, ConversationStatus.QUEUED, h.handoffId());
            events.fire(h.event(MerchantEvent.HANDOFF_QUEUED));
            queued.fire(new HandoffQueued(h));
            h = handoffs.find(merchantId, h.handoffId()).orElse(h);
        }
        if (h.status() != Handoff.Status.QUEUED) {
            return new Queued(h, 0, null);
        }
        return new Queued(h, handoffs.ahead(h) + 1, offHours(merchantId, Instant.now()).orElse(null));
    }

    /** Off-duty information when the merchant's humans are off duty now. */
    public Optional<OffHours> offHours(String merchantId, Instant at) {
        ServiceHours hours = settings.get(merchantId).hours();
        return hours.isOpen(at) ? Optional.empty() : Optional.of(new OffHours(hours.text(), hours.describeOpening(at)));
    }

    /**
     * The skill to route to: the planner's, or for a health or safety question it could not place, the certified
     * category of the products in the orders the conversation is about.
     */
    private String skillFor(String merchantId, String reason, String skill, List<Turn> turns,
                            Function<String, Optional<Order>> ownOrder) {
        boolean placed = skill != null && !skill.isBlank() && !Handoff.GENERAL.equals(skill);
        if (placed || !"HEALTH_SAFETY".equals(reason)) {
            return skill;
        }
        var policy = policies.get(merchantId);
        return HandoffSummary.orderIds(turns).stream().map(ownOrder).flatMap(Optional::stream)
                .flatMap(o -> o.items().stream())
                .map(i -> catalog.find(merchantId, i.sku()).map(Product::category).map(policy::skillFor).orElse(null))
                .filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(skill);
    }

    @Override
    public Object view(String merchantId, String handoffId) {
        return handoffs.find(merchantId, handoffId).orElse(null);
    }
}
