package dev.nectar.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolNames;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.nectar.handoff.Agents.answerTo;
import static dev.nectar.handoff.Agents.assigned;
import static dev.nectar.handoff.Agents.console;
import static dev.nectar.handoff.Agents.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An agent's answer, proposed on resolve and approved by the merchant, becomes knowledge the bot answers from. */
@QuarkusTest
class LearningFromAgentsTest {
    private static final String QUESTION = "会员积分可以用来抵扣运费吗";
    private static final String ANSWER = "可以的,每满100积分可抵扣1元运费,在结算页勾选使用积分即可。";

    @TestHTTPResource("/")
    URI base;

    /** Hands the buyer's conversation to the agent, who resolves it proposing the given knowledge; returns the suggestion id. */
    private String resolveWithKnowledge(WsClient buyer, WsClient agent, String conv, String id, String question, String answer)
            throws InterruptedException {
        buyer.send(message(id, "转人工"));
        answerTo(buyer, id);
        assigned(agent, conv);
        agent.send(Map.of("type", "message", "conversationId", conv, "text", answer));
        buyer.next("agent_message");
        agent.send(Map.of("type", "resolve", "conversationId", conv, "note", "积分规则",
                "knowledge", Map.of("question", question, "answer", answer)));
        String suggestionId = agent.next("resolved").path("suggestionId").asText();
        buyer.next("handoff_ended");
        return suggestionId;
    }

    /** What the merchant's knowledge base returns for a query (the retrieval the bot's knowledge tool runs). */
    private static String retrieved(TestShop shop, String query) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("query", query, "k", 3))
                .post("/api/merchants/" + shop.merchantId() + "/knowledge/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.text").toString();
    }

    /**
     * The buyer asks what the shop's knowledge cannot answer, an agent answers and proposes it on resolve, and the
     * merchant approves it. Returns the buyer's answer to the same question asked again.
     */
    private JsonNode askLearnAndAskAgain() throws Exception {
        TestShop shop = TestShop.create();
        String token = Agents.register(shop, "kb", "小林", List.of(), 3, 3);
        String path = "/api/merchants/" + shop.merchantId() + "/knowledge-suggestions";
        try (WsClient agent = console(base, token); WsClient buyer = WsClient.connect(base, "/ws/chat", shop.buyerToken("learner"))) {
            String conv = buyer.next("session").path("conversationId").asText();
            buyer.send(message("q1", QUESTION));
            assertThat(answerTo(buyer, "q1").path("text").asText()).doesNotContain("100积分");
            assertThat(retrieved(shop, QUESTION)).doesNotContain("100积分");

            String suggestionId = resolveWithKnowledge(buyer, agent, conv, "h1", QUESTION, ANSWER);
            given().header("Authorization", shop.auth()).queryParam("status", "PENDING").get(path).then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].suggestionId", equalTo(suggestionId))
                    .body("[0].question", equalTo(QUESTION)).body("[0].answer", equalTo(ANSWER))
                    .body("[0].agentId", equalTo("kb")).body("[0].conversationId", equalTo(conv));
            // pending knowledge is not retrieved
            assertThat(retrieved(shop, QUESTION)).doesNotContain("100积分");

            given().header("Authorization", shop.auth()).post(path + "/" + suggestionId + "/approve")
                    .then().statusCode(200).body("status", equalTo("APPROVED")).body("docId", notNullValue());
            assertThat(retrieved(shop, QUESTION)).contains("100积分");

            buyer.send(message("q2", QUESTION));
            return answerTo(buyer, "q2");
        }
    }

    @Test
    void anApprovedSuggestionBecomesRetrievableKnowledge() throws Exception {
        assertThat(askLearnAndAskAgain().path("type").asText()).isEqualTo("reply");
    }

    /** Needs the knowledge feature's knowledge_search tool, which the bot retrieves through. */
    @Test
    void anApprovedSuggestionLetsTheBotAnswerWhatItCouldNotBefore() throws Exception {
        assumeTrue(Arc.container().select(Tool.class, Any.Literal.INSTANCE).stream()
                .anyMatch(t -> ToolNames.KNOWLEDGE_SEARCH.equals(t.name())), "no knowledge_search tool is bound yet");
        JsonNode after = askLearnAndAskAgain();
        assertThat(after.path("type").asText()).isEqualTo("reply");
        assertThat(after.path("text").asText()).contains("100积分");
    }

    @Test
    void merchantsReviewSuggestionsOnce() throws Exception {
        TestShop shop = TestShop.create();
        String token = Agents.register(shop, "kb", "小林", List.of(), 3, 3);
        String path = "/api/merchants/" + shop.merchantId() + "/knowledge-suggestions";
        String suggestionId;
        try (WsClient agent = console(base, token); WsClient buyer = WsClient.connect(base, "/ws/chat", shop.buyerToken("reviewer"))) {
            String conv = buyer.next("session").path("conversationId").asText();
            suggestionId = resolveWithKnowledge(buyer, agent, conv, "h1", "能开发票吗", "可以,下单后在订单详情申请电子发票。");

            // a knowledge proposal must be complete; the conversation is not resolved twice
            agent.send(Map.of("type", "resolve", "conversationId", conv, "knowledge", Map.of("question", "只有问题")));
            assertThat(agent.next("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
        }
        given().header("Authorization", shop.auth()).queryParam("status", "SOMETIMES").get(path).then().statusCode(400)
                .body("error.field", equalTo("status"));
        given().header("Authorization", TestShop.create().auth()).get(path).then().statusCode(403);
        TestShop other = TestShop.create();
        given().header("Authorization", other.auth()).post("/api/merchants/" + other.merchantId() + "/knowledge-suggestions/"
                + suggestionId + "/reject").then().statusCode(404);

        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("note", "发票规则另有文档"))
                .post(path + "/" + suggestionId + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("note", equalTo("发票规则另有文档"));
        given().header("Authorization", shop.auth()).post(path + "/" + suggestionId + "/approve").then().statusCode(409)
                .body("error.code", equalTo("SUGGESTION_DECIDED"));
        given().header("Authorization", shop.auth()).queryParam("status", "REJECTED").get(path).then().statusCode(200)
                .body("$", hasSize(1));
        given().header("Authorization", shop.auth()).queryParam("status", "PENDING").get(path).then().statusCode(200)
                .body("$", hasSize(0));
    }
}
