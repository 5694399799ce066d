package dev.nectar.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A knowledge turn reads the message three times (the intent's features, the knowledge evidence, the knowledge tool)
 * but asks the embedding model, or its cache, once: with the cache off that is one model run per buyer message.
 */
@QuarkusTest
class KnowledgeTurnEmbeddingTest {
    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aKnowledgeTurnEmbedsTheMessageOnce() throws Exception {
        TestShop shop = TestShop.create();
        KnowledgeApi.uploadReady(shop, "faq.csv", "question,answer\n发货时间是多久,付款后48小时内发货。\n可以开发票吗,可以，下单时填写抬头。\n");
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b1"))) {
            ws.next("session");
            double before = lookups();
            ws.send(Map.of("type", "message", "id", "q", "text", "发货时间是多久"));
            JsonNode answer = ws.next(f -> "q".equals(f.path("replyTo").asText()));

            assertThat(answer.path("text").asText()).as("answered from the knowledge base").contains("48小时");
            assertThat(lookups() - before).as("embeddings asked of the model or its cache in one turn").isEqualTo(1);
        }
    }

    /** Single texts that reached the embedding cache: each a model run when the cache is off. */
    private double lookups() {
        return registry.find("nectar.embedding.cache").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
