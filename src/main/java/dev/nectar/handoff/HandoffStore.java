package dev.nectar.handoff;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handoffs of every merchant: the durable queue. Every change of status is a compare-and-set in the store, so
 * that two nodes never both assign, requeue or resolve the same handoff.
 */
public interface HandoffStore {

    /** Stores a new queued handoff; {@code position} is the place in line the buyer was told. */
    void create(Handoff handoff, int position);

    Optional<Handoff> find(String merchantId, String handoffId);

    /** The open (queued or assigned) handoff of a conversation. */
    Optional<Handoff> openFor(String merchantId, String conversationId);

    List<Handoff> list(String merchantId, Handoff.Status status);

    /** Every handoff of a conversation, oldest first. */
    List<Handoff> ofConversation(String merchantId, String conversationId);

    /** Queued handoffs in serving order (priority, then the longest waiting), with the position each buyer was last told. */
    List<Waiting> queue(String merchantId);

    /** Queued handoffs ahead of this one: higher priority, or the same priority and older. */
    int ahead(Handoff handoff);

    /** Remembers the position last told to the buyer, so that only changes are pushed. */
    void notified(String handoffId, int position);

    /** Assigned handoffs of an agent. */
    List<Handoff> heldBy(String merchantId, String agentId);

    /** Assigned handoffs per agent of a merchant. */
    Map<String, Integer> loads(String merchantId);

    /**
     * Gives a queued handoff to an agent in one transaction: the agent's row is locked so that concurrent claims
     * for the same agent line up, the agent must hold fewer than {@code capacity} handoffs, and the handoff must
     * still be queued ({@code UPDATE ... WHERE status = 'QUEUED'}).
     *
     * @return the assigned handoff, or empty when another node took it first or the agent is full
     */
    Optional<Handoff> claim(Handoff queued, String agentId, int capacity, boolean generalFallback, Instant at);

    /** Replaces a handoff only while it is still in {@code expected}'s status and with its agent. */
    boolean replace(Handoff expected, Handoff next);

    /** Queued handoffs whose buyer has since ended the conversation. */
    List<Handoff> abandoned();

    /** Merchants with queued handoffs. */
    List<String> merchantsWaiting();

    /** Agents (merchant id, agent id) holding assigned handoffs. */
    List<Holder> holders();

    /** Deletes every handoff of these conversations (an erased buyer's); returns how many. */
    int eraseConversations(String merchantId, Collection<String> conversationIds);

    record Waiting(Handoff handoff, Integer notifiedPosition) {
    }

    record Holder(String merchantId, String agentId) {
    }
}
