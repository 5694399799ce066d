package dev.nectar.platform.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.planner.llm.OpenAiStubResource;
import dev.nectar.planner.llm.StubControl;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.nectar.planner.llm.StubControl.text;
import static dev.nectar.planner.llm.StubControl.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an OTLP collector configured, a buyer's turn arrives as one trace: the turn's span, and under it the
 * understanding, the model's calls and the tool, with the knowledge search under the tool; no buyer text in any
 * attribute. The LLM planner (against the scripted OpenAI stub) is used so that every kind of span is in one turn.
 */
@QuarkusTest
@TestProfile(TracingTest.Profile.class)
class TracingTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStubResource.class), new TestResourceEntry(OtlpCollector.class));
        }
    }

    private static final String QUESTION = "你们的茶叶用什么快递寄出";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "nectar.llm.base-url")
    String llmBaseUrl;

    @Test
    void aTurnIsOneTraceWithItsUnderstandingModelCallsToolAndRetrievalBelowIt() throws Exception {
        StubControl stub = StubControl.of(llmBaseUrl);
        stub.reset();
        stub.script(tool("knowledge_search", "{\"query\":\"快递\"}"), text("我们默认发顺丰。"));
        TestShop shop = TestShop.create();
        shop.put("/catalog", List.of(Map.of("sku", "TEA-1", "spu", "TEA", "title", "明前龙井 100g", "category", "茶叶", "price", 59.00, "stock", 5)));
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b-trace"))) {
            ws.next("session");
            ws.send(Map.of("type", "message", "id", "t1", "text", QUESTION));
            JsonNode reply = ws.answer("t1");
            assertThat(reply.path("text").asText()).contains("顺丰");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> named("nectar.turn").isPresent()
                && OtlpCollector.SPANS.stream().filter(s -> s.getTraceId().equals(named("nectar.turn").get().getTraceId())).count() >= 5);
        Span turn = named("nectar.turn").orElseThrow();
        List<Span> trace = OtlpCollector.SPANS.stream().filter(s -> s.getTraceId().equals(turn.getTraceId())).toList();
        Span tool = only(trace, "nectar.tool");
        assertThat(attribute(tool, "nectar.tool")).isEqualTo("knowledge_search");
        assertThat(tool.getParentSpanId()).isEqualTo(turn.getSpanId());
        assertThat(only(trace, "nectar.knowledge.search").getParentSpanId()).isEqualTo(tool.getSpanId());
        assertThat(trace).filteredOn(s -> s.getName().equals("nectar.llm")).hasSize(2)
                .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(turn.getSpanId()));
        assertThat(trace).filteredOn(s -> s.getName().equals("nectar.understand")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(turn.getSpanId()));
        // what the buyer wrote is in no span's attributes
        assertThat(trace).allSatisfy(s -> s.getAttributesList().forEach(a -> assertThat(a.getValue().toString()).doesNotContain("快递")));
    }

    private static Optional<Span> named(String name) {
        return OtlpCollector.SPANS.stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    private static Span only(List<Span> trace, String name) {
        List<Span> found = trace.stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(found).as("%s in %s", name, trace.stream().map(Span::getName).toList()).hasSize(1);
        return found.get(0);
    }

    private static String attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).map(KeyValue::getValue)
                .map(v -> v.getStringValue()).findFirst().orElse(null);
    }
}
