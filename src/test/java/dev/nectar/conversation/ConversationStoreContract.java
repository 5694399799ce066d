package dev.nectar.conversation;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every conversation store promises; run on the embedded database and on PostgreSQL. */
abstract class ConversationStoreContract {

    abstract Database db();

    private ConversationStore store() {
        return new JdbcConversationStore(db());
    }

    private static String merchant() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aConversationIsFoundOnlyByItsOwnMerchant() {
        ConversationStore store = store();
        String m = merchant();
        Conversation c = store.create(m, "b1");
        assertThat(store.find(m, c.conversationId())).hasValueSatisfying(found -> {
            assertThat(found.buyerId()).isEqualTo("b1");
            assertThat(found.status()).isEqualTo(ConversationStatus.BOT);
        });
        assertThat(store.find(merchant(), c.conversationId())).isEmpty();
        assertThat(store.list(m, "b1")).extracting(Conversation::conversationId).containsExactly(c.conversationId());
        assertThat(store.list(m, "someone-else")).isEmpty();
    }

    @Test
    void turnsKeepTheirOrderAndToolCalls() {
        ConversationStore store = store();
        Conversation c = store.create(merchant(), "b1");
        store.append(c.conversationId(), Turn.of(Turn.Role.BUYER, "我的订单到哪了"));
        Turn.ToolCall call = new Turn.ToolCall("logistics_tracking", Map.of("orderId", "X-1"), true, "运输中");
        store.append(c.conversationId(), new Turn(Turn.Role.BOT, "您的包裹在运输中", Instant.now(), List.of(call), List.of()));
        store.append(c.conversationId(), Turn.of(Turn.Role.AGENT, "我来帮您查"));
        List<Turn> turns = store.turns(c.conversationId());
        assertThat(turns).extracting(Turn::role).containsExactly(Turn.Role.BUYER, Turn.Role.BOT, Turn.Role.AGENT);
        assertThat(turns.get(1).toolCalls()).containsExactly(call);
    }

    @Test
    void onlyAnOpenRecentConversationIsResumable() {
        ConversationStore store = store();
        String m = merchant();
        Conversation c = store.create(m, "b1");
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        assertThat(store.findResumable(m, "b1", hourAgo)).map(Conversation::conversationId).hasValue(c.conversationId());
        assertThat(store.findResumable(m, "b1", Instant.now().plus(1, ChronoUnit.MINUTES))).isEmpty();
        assertThat(store.findResumable(merchant(), "b1", hourAgo)).isEmpty();
        store.setStatus(c.conversationId(), ConversationStatus.CLOSED, null);
        assertThat(store.findResumable(m, "b1", hourAgo)).isEmpty();
    }

    @Test
    void dialogueStateStatusAndRatingSurviveAReload() {
        ConversationStore store = store();
        String m = merchant();
        Conversation c = store.create(m, "b1");
        assertThat(store.find(m, c.conversationId()).orElseThrow().rating()).as("not rated yet").isNull();
        DialogueState state = DialogueState.initial();
        state.pendingAction = new DialogueState.PendingAction("a-1", "after_sale_request",
                Map.of("orderId", "X-1", "type", "RETURN_REFUND"), "退货退款", Instant.now());
        state.lastOrderId = "X-1";
        state.strikes = 1;
        store.saveState(c.conversationId(), state);
        store.setStatus(c.conversationId(), ConversationStatus.WITH_AGENT, "h-1");
        store.rate(c.conversationId(), 4);

        ConversationStore again = store();
        DialogueState loaded = again.state(c.conversationId());
        assertThat(loaded.pendingAction.actionId()).isEqualTo("a-1");
        assertThat(loaded.pendingAction.args()).containsEntry("type", "RETURN_REFUND");
        assertThat(loaded.lastOrderId).isEqualTo("X-1");
        assertThat(loaded.strikes).isEqualTo(1);
        assertThat(again.find(m, c.conversationId())).hasValueSatisfying(found -> {
            assertThat(found.status()).isEqualTo(ConversationStatus.WITH_AGENT);
            assertThat(found.handoffId()).isEqualTo("h-1");
            assertThat(found.rating()).isEqualTo(4);
        });
    }

    @Test
    void erasingABuyerDeletesTheirConversationsAndTurnsOnly() {
        ConversationStore store = store();
        String m = merchant();
        String elsewhere = merchant();
        Conversation gone = store.create(m, "b-gone");
        Conversation earlier = store.create(m, "b-gone");
        Conversation stays = store.create(m, "b-stays");
        Conversation sameIdElsewhere = store.create(elsewhere, "b-gone");
        for (Conversation c : List.of(gone, earlier, stays, sameIdElsewhere)) {
            store.append(c.conversationId(), Turn.of(Turn.Role.BUYER, "我是周先生，电话13800004567"));
        }
        assertThat(store.idsOf(m, "b-gone")).containsExactlyInAnyOrder(gone.conversationId(), earlier.conversationId());

        assertThat(store.erase(m, "b-gone")).isEqualTo(2);

        assertThat(store.idsOf(m, "b-gone")).isEmpty();
        assertThat(store.find(m, gone.conversationId())).isEmpty();
        assertThat(store.turns(gone.conversationId())).isEmpty();
        assertThat(store.turns(earlier.conversationId())).isEmpty();
        // a turn still in flight for an erased conversation is dropped
        store.append(gone.conversationId(), Turn.of(Turn.Role.BOT, "好的"));
        assertThat(store.turns(gone.conversationId())).isEmpty();
        assertThat(store.turns(stays.conversationId())).hasSize(1);
        assertThat(store.find(elsewhere, sameIdElsewhere.conversationId())).isPresent();
        assertThat(store.turns(sameIdElsewhere.conversationId())).hasSize(1);
        assertThat(store.erase(m, "b-gone")).isZero();
    }
}
