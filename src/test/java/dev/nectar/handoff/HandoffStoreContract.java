package dev.nectar.handoff;

import dev.nectar.TestConfigs;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.JdbcConversationStore;
import dev.nectar.platform.Database;
import dev.nectar.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every handoff store and presence must guarantee, run against embedded H2 and PostgreSQL: a claim is atomic
 * (two claimers, as on two nodes, never both get a handoff, and an agent never goes over capacity), status changes
 * are compare-and-set, the queue is served by priority then waiting time, and presence forgets consoles whose node
 * stopped beating.
 */
abstract class HandoffStoreContract {

    abstract Database db();

    private final String merchant = "m-" + UUID.randomUUID().toString().substring(0, 8);

    private HandoffStore store() {
        return new JdbcHandoffStore(db());
    }

    private AgentPresence presence() {
        return new JdbcAgentPresence(db(), TestConfigs.nectar(Map.of("handoff.sweep-every", "PT1S")));
    }

    private Agent agent(String id, int max) {
        Agent a = new Agent(merchant, id, "客服" + id, List.of(), 3, max);
        new JdbcAgentStore(db()).create(a, "hash-" + merchant + "-" + id);
        return a;
    }

    private Handoff queued(HandoffStore store, int priority, Instant createdAt) {
        Handoff h = Handoff.queued("ho-" + UUID.randomUUID(), merchant, "cv-" + UUID.randomUUID(), "b1", "general",
                priority, "REQUESTED", "", createdAt);
        store.create(h, 1);
        return h;
    }

    @Test
    void concurrentClaimersNeverBothGetAHandoff() throws Exception {
        HandoffStore store = store();
        Handoff h = queued(store, 3, Instant.now());
        List<Callable<Optional<Handoff>>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Agent a = agent("a" + i, 3);
            claims.add(() -> store().claim(h, a.agentId(), a.maxConcurrent(), false, Instant.now()));
        }
        List<Optional<Handoff>> results = Race.run(claims);
        List<Handoff> won = results.stream().flatMap(Optional::stream).toList();
        assertThat(won).hasSize(1);
        Handoff stored = store.find(merchant, h.handoffId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Handoff.Status.ASSIGNED);
        assertThat(stored.agentId()).isEqualTo(won.get(0).agentId());
        assertThat(store.queue(merchant)).isEmpty();
    }

    @Test
    void concurrentClaimsNeverPushAnAgentOverCapacity() throws Exception {
        HandoffStore store = store();
        Agent a = agent("busy", 2);
        List<Callable<Optional<Handoff>>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Handoff h = queued(store, 3, Instant.now());
            claims.add(() -> store().claim(h, a.agentId(), a.maxConcurrent(), false, Instant.now()));
        }
        assertThat(Race.run(claims).stream().filter(Optional::isPresent)).hasSize(2);
        assertThat(store.heldBy(merchant, "busy")).hasSize(2);
        assertThat(store.loads(merchant)).containsEntry("busy", 2);
        assertThat(store.queue(merchant)).hasSize(4);
    }

    @Test
    void statusChangesAreCompareAndSet() {
        HandoffStore store = store();
        agent("x", 3);
        Handoff assigned = store.claim(queued(store, 3, Instant.now()), "x", 3, false, Instant.now()).orElseThrow();
        assertThat(store.claim(assigned, "x", 3, false, Instant.now())).isEmpty();
        Handoff requeued = assigned.requeued();
        assertThat(store.replace(assigned, requeued)).isTrue();
        assertThat(store.replace(assigned, assigned.resolved(Instant.now(), "late"))).isFalse();
        assertThat(store.find(merchant, assigned.handoffId()).orElseThrow().status()).isEqualTo(Handoff.Status.QUEUED);
        assertThat(store.openFor(merchant, assigned.conversationId())).isPresent();
        Handoff again = store.claim(requeued, "x", 3, true, Instant.now()).orElseThrow();
        assertThat(again.generalFallback()).isTrue();
        assertThat(store.replace(again, again.resolved(Instant.now(), "done"))).isTrue();
        assertThat(store.openFor(merchant, assigned.conversationId())).isEmpty();
        assertThat(store.find(merchant, assigned.handoffId()).orElseThrow().note()).isEqualTo("done");
        assertThat(store.ofConversation(merchant, assigned.conversationId())).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo(Handoff.Status.RESOLVED));
        assertThat(store.ofConversation("other-merchant", assigned.conversationId())).isEmpty();
    }

    @Test
    void theQueueServesPriorityThenTheLongestWaiting() {
        HandoffStore store = store();
        Instant t = Instant.now().minusSeconds(100);
        Handoff old = queued(store, 3, t);
        Handoff newer = queued(store, 3, t.plusSeconds(10));
        Handoff complaint = queued(store, 1, t.plusSeconds(20));
        assertThat(store.queue(merchant)).extracting(w -> w.handoff().handoffId())
                .containsExactly(complaint.handoffId(), old.handoffId(), newer.handoffId());
        assertThat(store.ahead(complaint)).isZero();
        assertThat(store.ahead(old)).isEqualTo(1);
        assertThat(store.ahead(newer)).isEqualTo(2);
        store.notified(newer.handoffId(), 3);
        assertThat(store.queue(merchant).get(2).notifiedPosition()).isEqualTo(3);
        assertThat(store.merchantsWaiting()).contains(merchant);
        // a queued handoff (no agent) is closed when its buyer leaves
        assertThat(store.replace(newer, newer.resolved(Instant.now(), "left"))).isTrue();
        assertThat(store.queue(merchant)).hasSize(2);
    }

    @Test
    void handoffsOfEndedConversationsAreFoundAsAbandoned() {
        HandoffStore store = store();
        JdbcConversationStore conversations = new JdbcConversationStore(db());
        Conversation ended = conversations.create(merchant, "b-ended");
        Conversation open = conversations.create(merchant, "b-open");
        Handoff left = Handoff.queued("ho-" + UUID.randomUUID(), merchant, ended.conversationId(), "b-ended", "general", 3,
                "REQUESTED", "", Instant.now());
        Handoff waiting = Handoff.queued("ho-" + UUID.randomUUID(), merchant, open.conversationId(), "b-open", "general", 3,
                "REQUESTED", "", Instant.now());
        store.create(left, 1);
        store.create(waiting, 2);
        conversations.setStatus(ended.conversationId(), ConversationStatus.CLOSED, left.handoffId());
        assertThat(store.abandoned()).extracting(Handoff::handoffId).contains(left.handoffId()).doesNotContain(waiting.handoffId());
    }

    @Test
    void presenceFollowsConsolesAndForgetsThoseOfStoppedNodes() {
        AgentPresence node = presence();
        node.connected(merchant, "p1", "s-" + UUID.randomUUID());
        assertThat(node.available(merchant)).containsExactly("p1");
        node.setAvailable(merchant, "p1", false);
        assertThat(node.available(merchant)).isEmpty();
        node.setAvailable(merchant, "p1", true);

        String session = "s-" + UUID.randomUUID();
        node.connected(merchant, "p2", session);
        node.disconnected(merchant, "p2", session);
        assertThat(node.available(merchant)).containsExactly("p1");
        assertThat(node.goneSince(merchant, "p2", Instant.now().minus(Duration.ofMinutes(1)))).isFalse();
        assertThat(node.goneSince(merchant, "p2", Instant.now().plusSeconds(1))).isTrue();
        assertThat(node.goneSince(merchant, "p1", Instant.now().plusSeconds(1))).isFalse();

        // a node that stopped beating: its console goes stale and another node's heartbeat forgets it
        db().update("UPDATE agent_sessions SET seen_at = ?, node_id = 'dead-node' WHERE merchant_id = ? AND agent_id = 'p1'",
                Instant.now().minus(Duration.ofMinutes(5)), merchant);
        assertThat(node.available(merchant)).isEmpty();
        presence().heartbeat();
        assertThat(db().queryOne("SELECT COUNT(*) FROM agent_sessions WHERE merchant_id = ?", rs -> rs.getInt(1), merchant))
                .contains(0);
    }

    @Test
    void erasingConversationsDeletesTheirHandoffsAndSuggestionsOnly() {
        HandoffStore store = store();
        KnowledgeSuggestionStore suggestions = new JdbcKnowledgeSuggestionStore(db());
        String gone = "cv-" + UUID.randomUUID();
        String stays = "cv-" + UUID.randomUUID();
        List<String> handoffIds = new ArrayList<>();
        List<String> suggestionIds = new ArrayList<>();
        for (String conversationId : List.of(gone, stays)) {
            Handoff h = Handoff.queued("ho-" + UUID.randomUUID(), merchant, conversationId, "b1", "general", 3, "REQUESTED",
                    "周先生要退款", Instant.now());
            store.create(h, 1);
            handoffIds.add(h.handoffId());
            KnowledgeSuggestion s = new KnowledgeSuggestion("ks-" + UUID.randomUUID(), merchant, conversationId, h.handoffId(),
                    "a1", "周先生问积分能抵运费吗", "可以", KnowledgeSuggestion.Status.PENDING, Instant.now(), null, null, null);
            suggestions.create(s);
            suggestionIds.add(s.suggestionId());
        }
        // another merchant's erasure never reaches these
        assertThat(store.eraseConversations("other-" + merchant, List.of(gone))).isZero();
        assertThat(suggestions.eraseConversations("other-" + merchant, List.of(gone))).isZero();

        assertThat(store.eraseConversations(merchant, List.of(gone))).isEqualTo(1);
        assertThat(suggestions.eraseConversations(merchant, List.of(gone))).isEqualTo(1);

        assertThat(store.find(merchant, handoffIds.get(0))).isEmpty();
        assertThat(store.ofConversation(merchant, gone)).isEmpty();
        assertThat(store.find(merchant, handoffIds.get(1))).isPresent();
        assertThat(suggestions.list(merchant, null)).extracting(KnowledgeSuggestion::suggestionId).containsExactly(suggestionIds.get(1));
    }
}
