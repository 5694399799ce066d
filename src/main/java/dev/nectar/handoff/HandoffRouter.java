package dev.nectar.handoff;

import dev.nectar.chat.Frames;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.Turn;
import dev.nectar.planner.Responder;
import dev.nectar.platform.MerchantEvent;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.bus.FrameBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pushes queued work to agents: for each waiting handoff in serving order (priority, then the longest waiting) it
 * picks the best available agent ({@link Routing}) and claims the handoff in the store, so that two nodes never
 * assign the same one. It also puts a dropped agent's work back in line and keeps waiting buyers told of their
 * place. Frames travel over the {@link FrameBus}, so buyer and agent may sit on any node.
 */
@ApplicationScoped
public class HandoffRouter {
    private static final Logger LOG = Logger.getLogger(HandoffRouter.class);
    static final int TRANSCRIPT_TURNS = 100;

    private final HandoffStore handoffs;
    private final AgentStore agents;
    private final AgentPresence presence;
    private final ConversationStore conversations;
    private final FrameBus bus;
    private final Responder responder;
    private final Duration generalAfter;
    private final Event<MerchantEvent> events;
    /** Routing of one merchant runs one at a time on a node; nodes agree through the store's claims. */
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public HandoffRouter(HandoffStore handoffs, AgentStore agents, AgentPresence presence, ConversationStore conversations,
                         FrameBus bus, Responder responder, NectarConfig config, Event<MerchantEvent> events) {
        this.handoffs = handoffs;
        this.agents = agents;
        this.presence = presence;
        this.conversations = conversations;
        this.bus = bus;
        this.responder = responder;
        this.generalAfter = config.handoff().generalAfter();
        this.events = events;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * A new handoff is routed at once, so the buyer's answer already says whether an agent took it. A failure here
     * must not lose the request: the handoff is queued and the next sweep routes it.
     */
    void onQueued(@Observes HandoffService.HandoffQueued event) {
        try {
            dispatch(event.handoff().merchantId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "routing handoff %s failed; the sweep retries", event.handoff().handoffId());
        }
    }

    /** Gives waiting handoffs of the merchant to available agents, then tells the still-waiting buyers their place. */
    public void dispatch(String merchantId) {
        ReentrantLock lock = locks[Math.floorMod(merchantId.hashCode(), locks.length)];
        lock.lock();
        try {
            assignWaiting(merchantId);
            notifyPositions(merchantId);
        } finally {
            lock.unlock();
        }
    }

    private void assignWaiting(String merchantId) {
        List<HandoffStore.Waiting> queue = handoffs.queue(merchantId);
        if (queue.isEmpty()) {
            return;
        }
        List<Agent> online = presence.available(merchantId).stream()
                .map(id -> agents.find(merchantId, id)).flatMap(Optional::stream).toList();
        if (online.isEmpty()) {
            return;
        }
        Map<String, Integer> loads = new HashMap<>(handoffs.loads(merchantId));
        for (HandoffStore.Waiting w : queue) {
            Handoff h = w.handoff();
            Instant now = Instant.now();
            List<Routing.Candidate> candidates = online.stream()
                    .map(a -> new Routing.Candidate(a, loads.getOrDefault(a.agentId(), 0))).toList();
            Optional<Routing.Choice> choice = Routing.choose(h, candidates, now, generalAfter);
            if (choice.isEmpty()) {
                continue;
            }
            if (buyerLeft(h, now)) {
                continue;
            }
            Agent agent = choice.get().agent();
            Optional<Handoff> claimed = handoffs.claim(h, agent.agentId(), agent.maxConcurrent(), choice.get().generalFallback(), now);
            if (claimed.isPresent()) {
                loads.merge(agent.agentId(), 1, Integer::sum);
                announce(claimed.get(), agent);
            } else {
                // another node took the handoff or filled the agent: start from what the store says now
                loads.clear();
                loads.putAll(handoffs.loads(merchantId));
            }
        }
    }

    /** A buyer who ended the conversation while waiting no longer needs an agent. */
    private boolean buyerLeft(Handoff h, Instant now) {
        Optional<Conversation> conv = conversations.find(h.merchantId(), h.conversationId());
        if (conv.isPresent() && conv.get().status() != ConversationStatus.CLOSED) {
            return false;
        }
        close(h, now);
        return true;
    }

    /** Takes a queued handoff whose buyer left out of the line, so it neither reaches an agent nor counts in positions. */
    public void close(Handoff queued, Instant now) {
        Handoff closed = queued.resolved(now, responder.render("handoff.note.buyer_left"));
        if (handoffs.replace(queued, closed)) {
            events.fire(closed.event(MerchantEvent.HANDOFF_RESOLVED));
        }
    }

    private void announce(Handoff h, Agent agent) {
        conversations.setStatus(h.conversationId(), ConversationStatus.WITH_AGENT, h.handoffId());
        conversations.append(h.conversationId(), Turn.of(Turn.Role.SYSTEM,
                responder.render("handoff.note.joined", Map.of("agentName", agent.name(), "agentId", agent.agentId()))));
        bus.publish(FrameBus.agent(h.merchantId(), agent.agentId()), assignedFrame(h));
        bus.publish(FrameBus.buyer(h.conversationId()), new Frames.AgentJoined(agent.name(), agent.certifications()));
        LOG.infof("handoff %s (%s, priority %d) assigned to agent %s%s", h.handoffId(), h.skill(), h.priority(),
                agent.agentId(), h.generalFallback() ? " as general fallback" : "");
    }

    /** The assigned frame of a held handoff: the handoff with its summary and the conversation so far. */
    public AgentFrames.Assigned assignedFrame(Handoff h) {
        List<Turn> turns = conversations.turns(h.conversationId());
        return new AgentFrames.Assigned(h, new ArrayList<>(turns.subList(Math.max(0, turns.size() - TRANSCRIPT_TURNS), turns.size())));
    }

    /** Puts a handoff whose agent is gone back in line, ahead of those who came later, and tells the buyer. */
    public void requeue(Handoff held) {
        Handoff queued = held.requeued();
        if (!handoffs.replace(held, queued)) {
            return;
        }
        conversations.find(held.merchantId(), held.conversationId())
                .filter(c -> c.status() != ConversationStatus.CLOSED)
                .ifPresent(c -> conversations.setStatus(c.conversationId(), ConversationStatus.QUEUED, held.handoffId()));
        conversations.append(held.conversationId(), Turn.of(Turn.Role.SYSTEM,
                responder.render("handoff.note.requeued", Map.of("agentId", held.agentId()))));
        int position = handoffs.ahead(queued) + 1;
        handoffs.notified(queued.handoffId(), position);
        bus.publish(FrameBus.buyer(queued.conversationId()), new Frames.Handoff(null, queued.handoffId(),
                Handoff.Status.QUEUED.name(), queued.skill(), position, responder.render("handoff.requeued", Map.of("position", position))));
        LOG.infof("handoff %s requeued: agent %s is gone", held.handoffId(), held.agentId());
    }

    private void notifyPositions(String merchantId) {
        List<HandoffStore.Waiting> queue = handoffs.queue(merchantId);
        for (int i = 0; i < queue.size(); i++) {
            HandoffStore.Waiting w = queue.get(i);
            int position = i + 1;
            if (Objects.equals(w.notifiedPosition(), position)) {
                continue;
            }
            Handoff h = w.handoff();
            handoffs.notified(h.handoffId(), position);
            bus.publish(FrameBus.buyer(h.conversationId()), new Frames.Handoff(null, h.handoffId(), Handoff.Status.QUEUED.name(),
                    h.skill(), position, responder.render("handoff.position", Map.of("position", position))));
        }
    }
}
