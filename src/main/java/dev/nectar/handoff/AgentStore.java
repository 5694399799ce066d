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

    Optional<Agent> find(String merchantId, String agentId);

    Optional<Agent> findByTokenHash(String tokenHash);

    List<Agent> list(String merchantId);
}
