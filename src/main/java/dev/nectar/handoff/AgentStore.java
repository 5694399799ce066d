package dev.nectar.handoff;

import java.util.List;
import java.util.Optional;

/** Registered agents; their tokens are kept only as hashes. */
public interface AgentStore {

    /** @return false when the agent id is taken for this merchant */
    boolean create(Agent agent, String tokenHash);

    Optional<Agent> find(String merchantId, String agentId);

    Optional<Agent> findByTokenHash(String tokenHash);

    List<Agent> list(String merchantId);
}
