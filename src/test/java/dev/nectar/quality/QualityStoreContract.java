package dev.nectar.quality;

import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.JdbcConversationStore;
import dev.nectar.conversation.Turn;
import dev.nectar.platform.Database;
import dev.nectar.Race;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every quality store must guarantee, on embedded H2 and on PostgreSQL: of many concurrent claimers (as on
 * many nodes) exactly one gets a conversation, an abandoned claim is taken over by one, a record is stored only
 * under the claim that inspected it, and due conversations are the closed or idle ones not yet inspected.
 */
abstract class QualityStoreContract {

    abstract Database db();

    private final String merchant = "m-" + UUID.randomUUID().toString().substring(0, 8);

    private QualityStore store() {
        return new JdbcQualityStore(db());
    }

    private Conversation closed() {
        JdbcConversationStore conversations = new JdbcConversationStore(db());
        Conversation c = conversations.create(merchant, "b1");
        conversations.append(c.conversationId(), Turn.of(Turn.Role.BUYER, "你好"));
        conversations.setStatus(c.conversationId(), ConversationStatus.CLOSED, null);
        return c;
    }

    private static QualityRecord record(String conversationId, String agentId, Finding... findings) {
        return QualityRecord.of(conversationId, "b1", Instant.now(), 5, List.of(findings),
                agentId == null ? List.of() : List.of(new QualityRecord.AgentShare(agentId, 3.0, 1.5)));
    }

    @Test
    void ofManyConcurrentClaimersExactlyOneGetsTheConversation() throws Exception {
        Conversation c = closed();
        QualityStore store = store();
        Instant now = Instant.now();
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String node = "node-" + i;
            claims.add(() -> store.claim(merchant, c.conversationId(), node, now, now.minusSeconds(300)));
        }
        assertThat(Race.run(claims)).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void aRecordIsStoredOnlyUnderTheClaimThatInspectedIt() {
        Conversation c = closed();
        QualityStore store = store();
        Instant now = Instant.now();
        assertThat(store.claim(merchant, c.conversationId(), "a", now, now.minusSeconds(300))).isTrue();
        // a's claim is abandoned: b takes it over, once; a's late save is refused
        assertThat(store.claim(merchant, c.conversationId(), "b", now.plusSeconds(400), now.plusSeconds(100))).isTrue();
        assertThat(store.claim(merchant, c.conversationId(), "c", now.plusSeconds(400), now.plusSeconds(100))).isFalse();
        assertThat(store.save(merchant, record(c.conversationId(), null), "a")).isFalse();
        assertThat(store.find(merchant, c.conversationId())).isEmpty();
        assertThat(store.save(merchant, record(c.conversationId(), "ag"), "b")).isTrue();
        assertThat(store.find(merchant, c.conversationId())).hasValueSatisfying(r -> assertThat(r.rating()).isEqualTo(5));
        // a finished record is never claimed again, however old
        assertThat(store.claim(merchant, c.conversationId(), "d", now.plusSeconds(9999), now.plusSeconds(9000))).isFalse();
        assertThat(store.find("other", c.conversationId())).isEmpty();
    }

    @Test
    void dueAreClosedOrIdleConversationsNotYetInspected() {
        JdbcConversationStore conversations = new JdbcConversationStore(db());
        Conversation open = conversations.create(merchant, "b2");
        Conversation done = closed();
        Conversation claimed = closed();
        QualityStore store = store();
        Instant now = Instant.now();
        store.claim(merchant, claimed.conversationId(), "a", now, now.minusSeconds(300));
        List<String> due = store.due(now.minusSeconds(1800), now.minusSeconds(300), 10_000).stream()
                .map(QualityStore.Due::conversationId).toList();
        assertThat(due).contains(done.conversationId()).doesNotContain(open.conversationId(), claimed.conversationId());
        // later: the open one has gone idle, and the claim is abandoned
        List<String> later = store.due(now.plusSeconds(3600), now.plusSeconds(600), 10_000).stream()
                .map(QualityStore.Due::conversationId).toList();
        assertThat(later).contains(open.conversationId(), claimed.conversationId());
    }

    @Test
    void listsByScoreFiltersByAgentAndUpdatesOneAtATime() {
        QualityStore store = store();
        Instant now = Instant.now();
        Finding rude = new Finding("RUDE", Severity.HIGH, 1, Turn.Role.AGENT, "ag", "辱骂", "傻", Finding.RULES, null);
        Conversation withAgent = closed();
        Conversation botOnly = closed();
        store.claim(merchant, withAgent.conversationId(), "n", now, now);
        store.save(merchant, record(withAgent.conversationId(), "ag", rude), "n");
        store.claim(merchant, botOnly.conversationId(), "n", now, now);
        store.save(merchant, record(botOnly.conversationId(), null), "n");

        Instant from = now.minusSeconds(60);
        Instant to = now.plusSeconds(60);
        assertThat(store.list(merchant, from, to, null)).extracting(QualityRecord::conversationId)
                .containsExactly(withAgent.conversationId(), botOnly.conversationId());
        assertThat(store.list(merchant, from, to, "ag")).extracting(QualityRecord::conversationId)
                .containsExactly(withAgent.conversationId());
        assertThat(store.list(merchant, to, to.plusSeconds(60), null)).isEmpty();

        QualityRecord dismissed = store.update(merchant, withAgent.conversationId(), r -> r.dismiss(0, "误报", Instant.now())).orElseThrow();
        assertThat(dismissed.score()).isEqualTo(100);
        assertThat(store.find(merchant, withAgent.conversationId()).orElseThrow().findings().get(0).dismissal().note()).isEqualTo("误报");
        assertThat(store.update(merchant, "cv-none", r -> r)).isEmpty();
    }

    @Test
    void erasingConversationsDeletesTheirRecordsAndAgentSharesOnly() {
        QualityStore store = store();
        Instant now = Instant.now();
        Conversation gone = closed();
        Conversation stays = closed();
        for (Conversation c : List.of(gone, stays)) {
            assertThat(store.claim(merchant, c.conversationId(), "n", now, now.minusSeconds(300))).isTrue();
            assertThat(store.save(merchant, record(c.conversationId(), "ag"), "n")).isTrue();
        }
        assertThat(store.eraseConversations("other", List.of(gone.conversationId()))).isZero();

        assertThat(store.eraseConversations(merchant, List.of(gone.conversationId()))).isEqualTo(1);

        assertThat(store.find(merchant, gone.conversationId())).isEmpty();
        assertThat(store.list(merchant, now.minusSeconds(60), now.plusSeconds(60), "ag"))
                .extracting(QualityRecord::conversationId).containsExactly(stays.conversationId());
        assertThat(store.list(merchant, now.minusSeconds(60), now.plusSeconds(60), null))
                .extracting(QualityRecord::conversationId).containsExactly(stays.conversationId());
    }
}
