package dev.nectar.handoff;

import dev.nectar.chat.Frames;
import dev.nectar.chat.HumanChannel;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.planner.Responder;
import dev.nectar.platform.bus.FrameBus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Buyer messages while a human is involved: a queued buyer hears their place in line (and, off duty, when humans
 * are back); messages for an assigned agent go to the agent's console on whichever node it is, and the bot stays
 * silent.
 */
@ApplicationScoped
public class QueueChannel implements HumanChannel {
    private final HandoffStore handoffs;
    private final HandoffService service;
    private final Responder responder;
    private final FrameBus bus;
    private final ConversationStore conversations;

    public QueueChannel(HandoffStore handoffs, HandoffService service, Responder responder, FrameBus bus,
                        ConversationStore conversations) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.service = service;
        this.responder = responder;
        this.bus = bus;
    }

    @Override
    public List<Object> deliver(Conversation conv, String replyTo, String text, List<String> images) {
        Handoff h = handoffs.openFor(conv.merchantId(), conv.conversationId()).orElse(null);
        if (h == null) {
            // the handoff ended between the status check and now: the bot has the conversation again
            conversations.setStatus(conv.conversationId(), ConversationStatus.BOT, null);
            return List.of(new Frames.Reply(replyTo, responder.render("handoff.back"), List.of(), List.of(), null));
        }
        if (h.status() == Handoff.Status.ASSIGNED) {
            bus.publish(FrameBus.agent(h.merchantId(), h.agentId()), new AgentFrames.BuyerMessage(h.conversationId(), text, images));
            return List.of();
        }
        int position = handoffs.ahead(h) + 1;
        String reply = service.offHours(conv.merchantId(), Instant.now())
                .map(off -> responder.render("handoff.waiting_off_hours", Map.of("position", position,
                        "serviceHours", off.serviceHours(), "backAt", off.backAt())))
                .orElseGet(() -> responder.render("handoff.waiting", Map.of("position", position)));
        return List.of(new Frames.Handoff(replyTo, h.handoffId(), h.status().name(), h.skill(), position, reply));
    }
}
