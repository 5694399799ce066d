package dev.nectar.handoff;

import dev.nectar.chat.Frames;
import dev.nectar.chat.HumanChannel;
import dev.nectar.conversation.Conversation;
import dev.nectar.planner.Responder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Answers a queued buyer with their place in line; messages for an assigned agent go to the agent's console. */
@ApplicationScoped
public class QueueChannel implements HumanChannel {
    private final HandoffStore handoffs;
    private final Responder responder;
    private final AgentRelay relay;

    public QueueChannel(HandoffStore handoffs, Responder responder, AgentRelay relay) {
        this.handoffs = handoffs;
        this.responder = responder;
        this.relay = relay;
    }

    @Override
    public List<Object> deliver(Conversation conv, String replyTo, String text, List<String> images) {
        Handoff h = handoffs.openFor(conv.merchantId(), conv.conversationId()).orElse(null);
        if (h == null) {
            return List.of(new Frames.Error(replyTo, "NO_HANDOFF", "this conversation is waiting for an agent"));
        }
        if (h.status() == Handoff.Status.ASSIGNED) {
            relay.toAgent(h, text, images);
            return List.of();
        }
        int position = handoffs.ahead(h) + 1;
        return List.of(new Frames.Handoff(replyTo, h.handoffId(), h.status().name(), h.skill(), position,
                responder.render("handoff.waiting", Map.of("position", position))));
    }

    /** Carries buyer messages to the agent who holds the conversation (the agent console). */
    public interface AgentRelay {
        void toAgent(Handoff handoff, String text, List<String> images);
    }
}
