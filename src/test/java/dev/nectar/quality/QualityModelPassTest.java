package dev.nectar.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.planner.llm.LlmStubProfile;
import dev.nectar.planner.llm.StubControl;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.nectar.planner.llm.StubControl.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an LLM endpoint configured, inspection also asks the model: a conversation played through the socket against
 * the scripted endpoint gets the model's finding, marked {@code source:"llm"}, beside what the rules found.
 */
@QuarkusTest
@TestProfile(LlmStubProfile.class)
class QualityModelPassTest {
    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "nectar.llm.base-url")
    String llmBaseUrl;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void theModelsFindingIsStoredWithTheRecordMarkedAsTheModels() throws Exception {
        StubControl stub = StubControl.of(llmBaseUrl);
        stub.reset();
        breakers.resetAll();
        QualityShop q = new QualityShop(base);
        q.catalog();
        // the planner's reply first, then every later call (the inspection) gets the model's findings
        stub.script(text("您好,这个您自己去详情页看吧。"));
        stub.answerByDefault(text("[{\"rule\":\"RUDE\",\"severity\":\"MEDIUM\",\"turn\":1,\"detail\":\"语气敷衍,没有帮买家解决问题\","
                + "\"evidence\":\"您自己去详情页看吧\"},{\"rule\":\"MADE_UP\",\"turn\":1}]"));
        QualityShop.Buyer buyer = q.buyer("b-model");
        JsonNode reply = buyer.say("a", "明前龙井和雨前的有什么区别");
        assertThat(reply.path("text").asText()).contains("详情页");
        buyer.end(null);

        List<Map<String, Object>> records = q.inspected(List.of(buyer.conversationId()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) records.stream()
                .filter(r -> buyer.conversationId().equals(r.get("conversationId"))).findFirst().orElseThrow().get("findings");
        assertThat(findings).filteredOn(f -> "llm".equals(f.get("source"))).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("rule", "RUDE").containsEntry("turn", 1).containsEntry("role", "BOT");
        });
        assertThat(findings).extracting(f -> f.get("rule")).doesNotContain("MADE_UP");
        // what the model was sent: the instructions and the transcript as data
        JsonNode last = stub.requests().get(stub.requests().size() - 1);
        assertThat(last.toString()).contains("质检").contains("明前龙井和雨前的有什么区别");
    }
}
