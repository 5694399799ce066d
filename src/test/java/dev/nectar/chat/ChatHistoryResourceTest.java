package dev.nectar.chat;

import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** What the chat page shows again after a reload: the buyer's own conversation, without merchant-only details. */
@QuarkusTest
class ChatHistoryResourceTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void theBuyerReadsWhatTheyAndTheBotSaidWithoutToolCalls() throws Exception {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("buyer-h");
        String conversationId;
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            conversationId = ws.next("session").path("conversationId").asText();
            ws.send(Map.of("type", "message", "id", "h1", "text", "你好"));
            ws.next("reply");
        }

        given().header("Authorization", "Bearer " + token).get("/api/chat/conversations/" + conversationId)
                .then().statusCode(200)
                .body("conversationId", equalTo(conversationId))
                .body("status", equalTo("BOT"))
                .body("turns.role", contains("BUYER", "BOT"))
                .body("turns[0].text", equalTo("你好"))
                .body("turns[1].text", not(emptyOrNullString()))
                .body("turns.find { it.toolCalls != null }", equalTo(null));
    }

    @Test
    void theAgentsWordsAreShownButTheirClosingNoteIsNot() throws Exception {
        TestShop shop = TestShop.create();
        String agentToken = given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("agentId", "agent-h", "name", "阿青")).post("/api/merchants/" + shop.merchantId() + "/agents")
                .then().statusCode(201).extract().path("token");
        String token = shop.buyerToken("buyer-h");
        String conversationId;
        try (WsClient agent = WsClient.connect(base, "/ws/agent", agentToken); WsClient buyer = WsClient.connect(base, "/ws/chat", token)) {
            agent.next("ready");
            conversationId = buyer.next("session").path("conversationId").asText();
            buyer.send(Map.of("type", "message", "id", "h1", "text", "转人工"));
            buyer.next("handoff");
            agent.next("assigned");
            agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "您好,我是阿青"));
            buyer.next("agent_message");
            agent.send(Map.of("type", "resolve", "conversationId", conversationId, "note", "买家情绪激动,内部备注"));
            buyer.next("handoff_ended");
        }

        given().header("Authorization", "Bearer " + token).get("/api/chat/conversations/" + conversationId)
                .then().statusCode(200)
                .body("turns.role", hasItem("AGENT"))
                .body("turns.role", not(hasItem("SYSTEM")))
                .body("turns.find { it.role == 'AGENT' }.text", equalTo("您好,我是阿青"))
                .body("turns.text.join()", not(containsString("内部备注")));
    }

    @Test
    void anotherBuyersConversationIsNotFoundAndNoTokenIsUnauthorized() throws Exception {
        TestShop shop = TestShop.create();
        String conversationId;
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("buyer-a"))) {
            conversationId = ws.next("session").path("conversationId").asText();
        }
        String path = "/api/chat/conversations/" + conversationId;

        given().header("Authorization", "Bearer " + shop.buyerToken("buyer-b")).get(path)
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        // the same buyer id at another merchant is someone else
        given().header("Authorization", "Bearer " + TestShop.create().buyerToken("buyer-a")).get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);
        given().header("Authorization", shop.auth()).get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + shop.buyerToken("buyer-a")).get(path).then().statusCode(200)
                .body("turns.size()", equalTo(0));
    }
}
