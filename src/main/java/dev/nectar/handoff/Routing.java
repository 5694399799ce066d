package dev.nectar.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who gets a handoff: an agent certified for its skill first, then the higher tier, then the lower load. A
 * handoff that needs a skill waits for a certified agent until {@code generalAfter}; then a general agent may take it.
 */
public final class Routing {
    private Routing() {
    }

    /** An available agent and how many conversations they hold now. */
    public record Candidate(Agent agent, int load) {
        boolean hasRoom() {
            return load < agent.maxConcurrent();
        }
    }

    /** @param generalFallback a general agent takes a handoff that needed a certified one */
    public record Choice(Agent agent, boolean generalFallback) {
    }

    public static Optional<Choice> choose(Handoff h, Collection<Candidate> candidates, Instant now, Duration generalAfter) {
        Comparator<Candidate> best = Comparator.<Candidate, Boolean>comparing(c -> !c.agent().certifiedFor(h.skill()))
                .thenComparing(c -> -c.agent().tier())
                .thenComparingInt(Candidate::load)
                .thenComparing(c -> c.agent().agentId());
        Optional<Candidate> pick = candidates.stream().filter(Candidate::hasRoom).min(best);
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = pick.get().agent();
        boolean fallback = h.needsCertification() && !agent.certifiedFor(h.skill());
        if (fallback && h.waited(now).compareTo(generalAfter) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Choice(agent, fallback));
    }
}
