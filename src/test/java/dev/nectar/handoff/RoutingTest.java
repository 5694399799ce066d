package dev.nectar.handoff;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {
    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(3);

    private static Agent agent(String id, int tier, int max, String... certs) {
        return new Agent("shop", id, "客服" + id, List.of(certs), tier, max);
    }

    private static Handoff handoff(String skill, Duration waited) {
        return Handoff.queued("h1", "shop", "c1", "b1", skill, 2, "HEALTH_SAFETY", "", NOW.minus(waited));
    }

    private static Optional<Routing.Choice> choose(Handoff h, Routing.Candidate... candidates) {
        return Routing.choose(h, List.of(candidates), NOW, WAIT);
    }

    @Test
    void certificationBeatsTier() {
        Routing.Choice c = choose(handoff("pet", Duration.ZERO),
                new Routing.Candidate(agent("gen", 5, 3), 0),
                new Routing.Candidate(agent("vet", 1, 3, "pet"), 2)).orElseThrow();
        assertThat(c.agent().agentId()).isEqualTo("vet");
        assertThat(c.generalFallback()).isFalse();
    }

    @Test
    void higherTierThenLowerLoad() {
        Handoff h = handoff(Handoff.GENERAL, Duration.ZERO);
        assertThat(choose(h, new Routing.Candidate(agent("a", 2, 5), 0), new Routing.Candidate(agent("b", 4, 5), 3))
                .orElseThrow().agent().agentId()).isEqualTo("b");
        assertThat(choose(h, new Routing.Candidate(agent("a", 3, 5), 2), new Routing.Candidate(agent("b", 3, 5), 1))
                .orElseThrow().agent().agentId()).isEqualTo("b");
    }

    @Test
    void fullAgentsAreSkipped() {
        Handoff h = handoff("pet", Duration.ZERO);
        assertThat(choose(h, new Routing.Candidate(agent("vet", 5, 2, "pet"), 2))).isEmpty();
        assertThat(choose(h, new Routing.Candidate(agent("vet", 5, 2, "pet"), 2), new Routing.Candidate(agent("vet2", 1, 2, "pet"), 1))
                .orElseThrow().agent().agentId()).isEqualTo("vet2");
    }

    @Test
    void skilledHandoffWaitsForCertifiedAgentThenFallsBackToGeneral() {
        Routing.Candidate general = new Routing.Candidate(agent("gen", 5, 3), 0);
        assertThat(choose(handoff("maternal_infant", WAIT.minusSeconds(1)), general)).isEmpty();
        Routing.Choice late = choose(handoff("maternal_infant", WAIT), general).orElseThrow();
        assertThat(late.agent().agentId()).isEqualTo("gen");
        assertThat(late.generalFallback()).isTrue();
    }

    @Test
    void generalHandoffNeverCountsAsFallback() {
        Routing.Choice c = choose(handoff(Handoff.GENERAL, Duration.ZERO), new Routing.Candidate(agent("vet", 1, 3, "pet"), 0)).orElseThrow();
        assertThat(c.generalFallback()).isFalse();
    }
}
