package dev.nectar.handoff;

import dev.nectar.platform.Secrets;

import java.util.List;
import java.util.Optional;

/** Registered agents; their tokens are kept only as hashes. */
public interface AgentStore {

    /** @return false when the agent id is taken for this merchant */
    boolean create(Agent agent, String tokenHash);

    /**
     * Creates the agent with a new console token, kept only as its hash.
     *
     * @return the token, to be shown once; empty when the agent id is taken for this merchant
     */
    default Optional<String> register(Agent agent) {
        String token = Secrets.newToken(Agent.TOKEN_PREFIX);
        return create(agent, Secrets.sha256(token)) ? Optional.of(token) : Optional.empty();
    }

    /** Replaces the agent's token hash; false when there is no such agent. */
    boolean replaceToken(String merchantId, String agentId, String tokenHash);

    /**
     * A new console token for the agent, kept only as its hash; the old one stops working.
     *
     * @return the token, to be shown once; empty when there is no such agent
     */
    default Optional<String> rotateToken(String merchantId, String agentId) {
        String token = Secrets.newToken(Agent.TOKEN_PREFIX);
        return replaceToken(merchantId, agentId, Secrets.sha256(token)) ? Optional.of(token) : Optional.empty();
    }

    Optional<Agent> find(String merchantId, String agentId);

    Optional<Agent> findByTokenHash(String tokenHash);

    List<Agent> list(String merchantId);
}
