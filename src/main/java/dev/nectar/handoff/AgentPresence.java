package dev.nectar.handoff;

import java.time.Instant;
import java.util.Set;

/**
 * Which agents have a console open and want work, shared by every node (an agent's socket may sit on any node
 * while routing runs on another). A console is a session; an agent is connected while one of their sessions is
 * live, which its node keeps up with {@link #heartbeat}.
 */
public interface AgentPresence {

    /** A console opened on this node. */
    void connected(String merchantId, String agentId, String sessionId);

    /** A console of this node closed. */
    void disconnected(String merchantId, String agentId, String sessionId);

    void setAvailable(String merchantId, String agentId, boolean available);

    /** Agents of the merchant with a live console who want work. */
    Set<String> available(String merchantId);

    /** True when the agent has no live console and was last seen before {@code cutoff}. */
    boolean goneSince(String merchantId, String agentId, Instant cutoff);

    /** Keeps this node's sessions live and forgets the sessions of nodes that stopped beating. */
    void heartbeat();
}
