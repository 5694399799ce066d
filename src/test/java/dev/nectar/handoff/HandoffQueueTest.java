package dev.nectar.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static dev.nectar.handoff.Agents.answerTo;
import static dev.nectar.handoff.Agents.assigned;
import static dev.nectar.handoff.Agents.console;
import static dev.nectar.handoff.Agents.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Waiting buyers: their place in line as it changes, complaints first, and service hours. */
@QuarkusTest
class HandoffQueueTest {

    @TestHTTPResource("/")
    URI base;

    private static JsonNode positionUpdate(WsClient buyer, int position) throws InterruptedException {
        return buyer.next(f -> "handoff".equals(f.path("type").asText()) && !f.has("replyTo") && f.path("position").asInt() == position);
    }

    @Test
    void waitingBuyersHearTheirPlaceAndComplaintsAreServedFirst() throws Exception {
        TestShop shop = TestShop.create();
        String token = Agents.register(shop, "solo", "阿美", List.of(), 3, 1);
        try (WsClient first = WsClient.connect(base, "/ws/chat", shop.buyerToken("q-first"));
             WsClient second = WsClient.connect(base, "/ws/chat", shop.buyerToken("q-second"));
             WsClient angry = WsClient.connect(base, "/ws/chat", shop.buyerToken("q-angry"))) {
            first.next("session");
            second.next("session");
            String angryConv = angry.next("session").path("conversationId").asText();

            first.send(message("a", "转人工"));
            JsonNode one = answerTo(first, "a");
            assertThat(one.path("status").asText()).isEqualTo("QUEUED");
            assertThat(one.path("position").asInt()).isEqualTo(1);
            second.send(message("b", "我要人工客服"));
            assertThat(answerTo(second, "b").path("position").asInt()).isEqualTo(2);

            // a complaint goes ahead of both, and they are told their new place
            angry.send(message("c", "我要投诉你们,东西太差了"));
            JsonNode complaint = answerTo(angry, "c");
            assertThat(complaint.path("position").asInt()).isEqualTo(1);
            positionUpdate(first, 2);
            positionUpdate(second, 3);

            // a waiting buyer's message is answered with their place, not by the bot
            first.send(message("d", "还要等多久"));
            JsonNode waiting = answerTo(first, "d");
            assertThat(waiting.path("type").asText()).isEqualTo("handoff");
            assertThat(waiting.path("position").asInt()).isEqualTo(2);
            assertThat(waiting.path("text").asText()).contains("2");

            List<Map<String, Object>> queued = Agents.handoffs(shop, "QUEUED");
            assertThat(queued).extracting(h -> h.get("buyerId")).containsExactly("q-angry", "q-first", "q-second");
            assertThat(queued.get(0)).containsEntry("priority", 1).containsEntry("reason", "COMPLAINT");

            // the agent takes the complaint first; the others move up
            try (WsClient agent = console(base, token)) {
                assigned(agent, angryConv);
                angry.next("agent_joined");
                positionUpdate(first, 1);
                positionUpdate(second, 2);
                assertThat(agent.drain(500)).noneMatch(f -> "assigned".equals(f.path("type").asText()));
            }
        }
    }

    @Test
    void aBuyerWhoEndsTheConversationLeavesTheLine() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient leaving = WsClient.connect(base, "/ws/chat", shop.buyerToken("q-leaving"));
             WsClient staying = WsClient.connect(base, "/ws/chat", shop.buyerToken("q-staying"))) {
            leaving.next("session");
            staying.next("session");
            leaving.send(message("a", "转人工"));
            assertThat(answerTo(leaving, "a").path("position").asInt()).isEqualTo(1);
            staying.send(message("b", "转人工"));
            assertThat(answerTo(staying, "b").path("position").asInt()).isEqualTo(2);
            leaving.send(Map.of("type", "end"));
            positionUpdate(staying, 1);
            assertThat(Agents.handoffs(shop, "QUEUED")).extracting(h -> h.get("buyerId")).containsExactly("q-staying");
        }
    }

    @Test
    void outsideServiceHoursTheReplySaysWhenHumansAreBackAndTheTicketWaits() throws Exception {
        TestShop shop = TestShop.create();
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        int start = (now.getHour() + 2) % 24;
        String hours = String.format("%02d:00-%02d:00", start, start + 1);
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("serviceHours", hours, "timezone", "Asia/Shanghai"))
                .put("/api/merchants/" + shop.merchantId() + "/handoff-settings")
                .then().statusCode(200).body("serviceHours", equalTo(hours));
        try (WsClient buyer = WsClient.connect(base, "/ws/chat", shop.buyerToken("late"))) {
            buyer.next("session");
            buyer.send(message("n1", "转人工"));
            JsonNode answer = answerTo(buyer, "n1");
            assertThat(answer.path("type").asText()).isEqualTo("handoff");
            assertThat(answer.path("status").asText()).isEqualTo("QUEUED");
            assertThat(answer.path("text").asText()).contains(String.format("%02d:00", start)).contains(hours);
            buyer.send(message("n2", "有人吗"));
            assertThat(answerTo(buyer, "n2").path("text").asText()).contains(String.format("%02d:00", start));
        }
        assertThat(Agents.handoffs(shop, "QUEUED")).hasSize(1);
    }

    @Test
    void serviceHoursAreValidatedAndDefaultToAlways() {
        TestShop shop = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/handoff-settings";
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200)
                .body("serviceHours", equalTo("00:00-24:00")).body("timezone", equalTo("Asia/Shanghai"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("serviceHours", "9-5"))
                .put(path).then().statusCode(400).body("error.field", equalTo("serviceHours"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("timezone", "Nowhere/Town"))
                .put(path).then().statusCode(400).body("error.field", equalTo("timezone"));
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200).body("serviceHours", equalTo("00:00-24:00"));
        given().header("Authorization", TestShop.create().auth()).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
    }
}
