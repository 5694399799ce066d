package dev.nectar.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.nectar.handoff.Agents.answerTo;
import static dev.nectar.handoff.Agents.assigned;
import static dev.nectar.handoff.Agents.console;
import static dev.nectar.handoff.Agents.conversationStatus;
import static dev.nectar.handoff.Agents.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One buyer and two agents (a certified pet specialist and a general agent) over real WebSockets: routing by
 * skill and tier, messages both ways, the bot silent while a human holds the conversation and back after resolve,
 * and a dropped agent's conversation kept for the grace period, then requeued.
 */
@QuarkusTest
class AgentConsoleTest {
    private static final String HEALTH = "我家狗狗吃了你们的狗粮以后一直呕吐";

    @TestHTTPResource("/")
    URI base;

    @Test
    void routesBySkillAndTierRelaysBothWaysKeepsTheBotSilentAndHandsBackOnResolve() throws Exception {
        TestShop shop = TestShop.create();
        String vetToken = Agents.register(shop, "vet", "王医生", List.of("pet"), 2, 3);
        String genToken = Agents.register(shop, "gen", "小李", List.of(), 4, 3);
        try (WsClient vet = console(base, vetToken); WsClient gen = console(base, genToken);
             WsClient buyer = WsClient.connect(base, "/ws/chat", shop.buyerToken("b-pet"))) {
            String conv = buyer.next("session").path("conversationId").asText();

            // a health question about a pet goes to the certified agent although the general one has a higher tier
            buyer.send(message("m1", HEALTH));
            JsonNode handoff = answerTo(buyer, "m1");
            assertThat(handoff.path("type").asText()).isEqualTo("handoff");
            assertThat(handoff.path("skill").asText()).isEqualTo("pet");
            JsonNode work = assigned(vet, conv);
            assertThat(work.path("handoff").path("skill").asText()).isEqualTo("pet");
            assertThat(work.path("handoff").path("agentId").asText()).isEqualTo("vet");
            assertThat(work.path("handoff").path("summary").asText()).contains("b-pet").contains("呕吐");
            assertThat(StreamSupport.stream(work.path("transcript").spliterator(), false))
                    .anyMatch(t -> "BUYER".equals(t.path("role").asText()) && HEALTH.equals(t.path("text").asText()));
            JsonNode joined = buyer.next("agent_joined");
            assertThat(joined.path("agentName").asText()).isEqualTo("王医生");
            assertThat(joined.path("certifications").toString()).contains("pet");
            assertThat(conversationStatus(shop, conv)).isEqualTo("WITH_AGENT");

            // buyer to agent; the bot says nothing while the human holds the conversation
            buyer.send(message("m2", "它现在还在吐,怎么办"));
            JsonNode relayed = vet.next("buyer_message");
            assertThat(relayed.path("conversationId").asText()).isEqualTo(conv);
            assertThat(relayed.path("text").asText()).isEqualTo("它现在还在吐,怎么办");
            assertThat(buyer.drain(800)).noneMatch(f -> "m2".equals(f.path("replyTo").asText()));

            // agent to buyer
            vet.send(Map.of("type", "message", "conversationId", conv, "text", "先停止喂食,观察精神状态"));
            assertThat(buyer.next("agent_message").path("text").asText()).isEqualTo("先停止喂食,观察精神状态");

            // another agent cannot act on it, and bad frames keep the socket open
            gen.send(Map.of("type", "message", "conversationId", conv, "text", "你好"));
            assertThat(gen.next("error").path("code").asText()).isEqualTo("NOT_ASSIGNED");
            gen.send(Map.of("type", "resolve", "conversationId", conv));
            assertThat(gen.next("error").path("code").asText()).isEqualTo("NOT_ASSIGNED");
            gen.sendRaw("{oops");
            assertThat(gen.next("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
            gen.send(Map.of("type", "dance"));
            assertThat(gen.next("error").path("code").asText()).isEqualTo("UNKNOWN_FRAME");
            vet.send(Map.of("type", "message", "conversationId", conv, "text", "  "));
            assertThat(vet.next("error").path("code").asText()).isEqualTo("EMPTY_MESSAGE");
            assertThat(buyer.drain(300)).noneMatch(f -> "agent_message".equals(f.path("type").asText()));

            List<Map<String, Object>> held = Agents.handoffs(shop, "ASSIGNED");
            assertThat(held).hasSize(1);
            assertThat(held.get(0)).containsKeys("handoffId", "conversationId", "buyerId", "skill", "priority", "reason",
                    "summary", "status", "agentId", "createdAt");
            assertThat(held.get(0)).containsEntry("conversationId", conv).containsEntry("buyerId", "b-pet")
                    .containsEntry("skill", "pet").containsEntry("agentId", "vet").containsEntry("status", "ASSIGNED")
                    .containsEntry("reason", "HEALTH_SAFETY").containsEntry("priority", 2);

            // resolve: the buyer is told and the bot serves again
            vet.send(Map.of("type", "resolve", "conversationId", conv, "note", "已建议就医"));
            assertThat(vet.next("resolved").path("conversationId").asText()).isEqualTo(conv);
            buyer.next("handoff_ended");
            assertThat(conversationStatus(shop, conv)).isEqualTo("BOT");
            assertThat(Agents.handoffs(shop, "RESOLVED")).singleElement().satisfies(h -> assertThat(h).containsEntry("note", "已建议就医"));
            buyer.send(message("m3", "你好"));
            assertThat(answerTo(buyer, "m3").path("type").asText()).isEqualTo("reply");
            vet.send(Map.of("type", "message", "conversationId", conv, "text", "还在吗"));
            assertThat(vet.next("error").path("code").asText()).isEqualTo("NOT_ASSIGNED");

            // a request with no skill goes to the higher tier
            buyer.send(message("m4", "转人工"));
            assertThat(answerTo(buyer, "m4").path("skill").asText()).isEqualTo("general");
            assertThat(assigned(gen, conv).path("handoff").path("agentId").asText()).isEqualTo("gen");
            assertThat(buyer.next("agent_joined").path("agentName").asText()).isEqualTo("小李");
            assertThat(vet.drain(300)).noneMatch(f -> "assigned".equals(f.path("type").asText()));
        }
    }

    @Test
    void aDroppedAgentKeepsTheConversationForTheGracePeriodThenItIsRequeued() throws Exception {
        TestShop shop = TestShop.create();
        String vetToken = Agents.register(shop, "vet", "陈医生", List.of("pet"), 3, 2);
        String genToken = Agents.register(shop, "gen", "小周", List.of(), 1, 2);
        try (WsClient buyer = WsClient.connect(base, "/ws/chat", shop.buyerToken("b-drop"))) {
            String conv = buyer.next("session").path("conversationId").asText();
            WsClient vet = console(base, vetToken);
            buyer.send(message("m1", HEALTH));
            answerTo(buyer, "m1");
            assigned(vet, conv);
            buyer.next("agent_joined");

            // a reconnect within the grace period gets the conversation back, and the buyer stays with them
            vet.close();
            try (WsClient back = console(base, vetToken)) {
                assertThat(assigned(back, conv).path("handoff").path("agentId").asText()).isEqualTo("vet");
                assertThat(buyer.drain(3500)).noneMatch(f -> "handoff".equals(f.path("type").asText()));
                assertThat(conversationStatus(shop, conv)).isEqualTo("WITH_AGENT");
            }

            // gone for longer than the grace period: back in the queue, and the buyer is told
            JsonNode requeued = buyer.next(f -> "handoff".equals(f.path("type").asText()) && "QUEUED".equals(f.path("status").asText()));
            assertThat(requeued.path("position").asInt()).isEqualTo(1);
            assertThat(requeued.path("skill").asText()).isEqualTo("pet");
            assertThat(conversationStatus(shop, conv)).isEqualTo("QUEUED");
            assertThat(Agents.handoffs(shop, "QUEUED")).singleElement()
                    .satisfies(h -> assertThat(h.get("agentId")).isNull());

            // no certified agent online: after the configured wait a general agent takes it, the skill noted
            try (WsClient gen = console(base, genToken)) {
                JsonNode work = assigned(gen, conv);
                assertThat(work.path("handoff").path("skill").asText()).isEqualTo("pet");
                assertThat(work.path("handoff").path("generalFallback").asBoolean()).isTrue();
                assertThat(buyer.next("agent_joined").path("agentName").asText()).isEqualTo("小周");
                assertThat(conversationStatus(shop, conv)).isEqualTo("WITH_AGENT");
            }
        }
    }
}
