package dev.nectar.handoff;

import dev.nectar.chat.Frames;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.DialogueState;
import dev.nectar.conversation.Turn;
import dev.nectar.planner.Responder;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.MerchantEvent;
import dev.nectar.platform.bus.FrameBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.Map;

/**
 * What an agent does from the console: come and go, say whether they take work, talk to a buyer they hold, and
 * resolve the conversation (handing it back to the bot, optionally proposing what the bot should learn). An agent
 * acts only on conversations assigned to them.
 */
@ApplicationScoped
public class AgentDesk {
    private final HandoffStore handoffs;
    private final AgentPresence presence;
    private final HandoffRouter router;
    private final ConversationStore conversations;
    private final KnowledgeSuggestions suggestions;
    private final FrameBus bus;
    private final Responder responder;
    private final Event<MerchantEvent> events;

    public AgentDesk(HandoffStore handoffs, AgentPresence presence, HandoffRouter router, ConversationStore conversations,
                     KnowledgeSuggestions suggestions, FrameBus bus, Responder responder, Event<MerchantEvent> events) {
        this.handoffs = handoffs;
        this.presence = presence;
        this.router = router;
        this.conversations = conversations;
        this.suggestions = suggestions;
        this.bus = bus;
        this.responder = responder;
        this.events = events;
    }

    /** A console is open: the agent gets back what they hold (a reconnect within the grace period keeps it) and new work. */
    public AgentFrames.Ready connected(Agent agent, String sessionId) {
        presence.connected(agent.merchantId(), agent.agentId(), sessionId);
        return new AgentFrames.Ready(agent, presence.available(agent.merchantId()).contains(agent.agentId()));
    }

    /** Called after the ready frame: resends the held conversations, then routes waiting work. */
    public void resume(Agent agent) {
        for (Handoff h : handoffs.heldBy(agent.merchantId(), agent.agentId())) {
            bus.publish(FrameBus.agent(agent.merchantId(), agent.agentId()), router.assignedFrame(h));
        }
        router.dispatch(agent.merchantId());
    }

    public void disconnected(Agent agent, String sessionId) {
        presence.disconnected(agent.merchantId(), agent.agentId(), sessionId);
    }

    public AgentFrames.Status setAvailable(Agent agent, boolean available) {
        presence.setAvailable(agent.merchantId(), agent.agentId(), available);
        if (available) {
            router.dispatch(agent.merchantId());
        }
        return new AgentFrames.Status(available, handoffs.heldBy(agent.merchantId(), agent.agentId()).size());
    }

    public void message(Agent agent, String conversationId, String text) {
        Handoff h = held(agent, conversationId);
        Conversation conv = conversations.find(h.merchantId(), conversationId).orElseThrow(AgentDesk::notAssigned);
        if (conv.status() == ConversationStatus.CLOSED) {
            throw ApiException.conflict("CONVERSATION_CLOSED", "the buyer ended this conversation; resolve it");
        }
        conversations.append(conversationId, Turn.of(Turn.Role.AGENT, text));
        bus.publish(FrameBus.buyer(conversationId), new Frames.AgentMessage(text));
    }

    /**
     * Ends the agent's part: the bot serves the conversation again and the buyer is told. A proposed question and
     * answer waits for the merchant's review.
     */
    public AgentFrames.Resolved resolve(Agent agent, String conversationId, String note, String question, String answer) {
        Handoff h = held(agent, conversationId);
        Handoff resolved = h.resolved(Instant.now(), note);
        if (!handoffs.replace(h, resolved)) {
            throw notAssigned();
        }
        events.fire(resolved.event(MerchantEvent.HANDOFF_RESOLVED));
        conversations.find(h.merchantId(), conversationId).filter(c -> c.status() != ConversationStatus.CLOSED).ifPresent(c -> {
            // the bot starts afresh: strikes and half-asked questions from before the handoff no longer apply
            DialogueState state = conversations.state(conversationId);
            state.strikes = 0;
            state.pendingQuestion = null;
            state.pendingAction = null;
            conversations.saveState(conversationId, state);
            conversations.setStatus(conversationId, ConversationStatus.BOT, null);
        });
        conversations.append(conversationId, Turn.of(Turn.Role.SYSTEM, responder.render("handoff.note.resolved",
                Map.of("agentName", agent.name(), "note", note == null || note.isBlank() ? "" : ":" + note))));
        bus.publish(FrameBus.buyer(conversationId), new Frames.HandoffEnded());
        String suggestionId = question == null ? null : suggestions.propose(h, question, answer).suggestionId();
        router.dispatch(agent.merchantId());
        return new AgentFrames.Resolved(conversationId, suggestionId);
    }

    private Handoff held(Agent agent, String conversationId) {
        return handoffs.openFor(agent.merchantId(), conversationId)
                .filter(h -> h.status() == Handoff.Status.ASSIGNED && agent.agentId().equals(h.agentId()))
                .orElseThrow(AgentDesk::notAssigned);
    }

    private static ApiException notAssigned() {
        return new ApiException(403, "NOT_ASSIGNED", "this conversation is not assigned to you", null);
    }
}
