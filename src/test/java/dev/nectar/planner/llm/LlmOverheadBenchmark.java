package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.nectar.planner.llm.StubControl.text;
import static dev.nectar.planner.llm.StubControl.tool;

/**
 * How much latency the server adds on top of the model's own: a buyer message over the real WebSocket, the LLM
 * planner, and a stub model that answers at once. Overhead of a message = its round trip at the client minus the
 * time the stub spent on its completions (measured by the stub, request received to last byte written).
 *
 * <p>Not a regular test (the name matches no surefire pattern, and timings are no assertion): run it with
 * {@code mvn -o test -Dtest=LlmOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; figures are printed and
 * written to {@code target/llm-benchmark.txt}. See docs/llm.md.
 */
@QuarkusTest
@TestProfile(LlmStubProfile.class)
class LlmOverheadBenchmark {
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 100);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 300);
    private static final int PER_BUYER = 15;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "nectar.llm.base-url")
    String llmBaseUrl;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void measure() throws Exception {
        StubControl stub = StubControl.of(llmBaseUrl);
        breakers.resetAll();
        TestShop shop = TestShop.create();
        int buyers = (2 * WARM_UP + 2 * MESSAGES) / PER_BUYER + 2;
        OffsetDateTime t = OffsetDateTime.now().minusDays(2);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            orders.add(Map.of("orderId", "BM-" + b, "buyerId", "bench-" + b, "status", "PAID", "createdAt", t.toString(),
                    "paidAt", t.toString(), "total", 30, "shippingInsurance", false,
                    "items", List.of(Map.of("sku", "BM-SKU", "title", "测试商品", "quantity", 1, "unitPrice", 30))));
        }
        shop.put("/orders", orders);
        Map<String, Object>[] answer = steps(text("您好,", "请问有什么可以帮您?"));
        Map<String, Object>[] lookup = steps(tool("order_lookup", "{}"), text("您的订单已付款,", "正在备货。"));
        Buyers pool = new Buyers(shop, base);
        StringBuilder report = new StringBuilder("LLM planner overhead (server round trip minus the stub's own time), ")
                .append(MESSAGES).append(" messages each, after ").append(WARM_UP).append(" warm-up messages\n");
        try (pool) {
            run(pool, stub, answer, WARM_UP, "warm");
            report.append(line("text answer (1 model call)", run(pool, stub, answer, MESSAGES, "a")));
            run(pool, stub, lookup, WARM_UP, "warm2");
            report.append(line("tool call + answer (2 model calls, order_lookup)", run(pool, stub, lookup, MESSAGES, "b")));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "llm-benchmark.txt"), report.toString());
    }

    /**
     * A new buyer every {@value #PER_BUYER} messages: the socket's per-buyer rate limit stays out of the way and
     * conversations keep a realistic length.
     */
    private static final class Buyers implements AutoCloseable {
        private final TestShop shop;
        private final URI base;
        private WsClient ws;
        private int sent;
        private int next;

        Buyers(TestShop shop, URI base) {
            this.shop = shop;
            this.base = base;
        }

        WsClient socket() throws Exception {
            if (ws == null || sent++ % PER_BUYER == 0) {
                close();
                ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("bench-" + next++));
                ws.next("session");
            }
            return ws;
        }

        @Override
        public void close() {
            if (ws != null) {
                ws.close();
            }
        }
    }

    @SafeVarargs
    private static Map<String, Object>[] steps(Map<String, Object>... steps) {
        return steps;
    }

    /** Round trip and stub time per message, in nanoseconds. */
    private static long[][] run(Buyers buyers, StubControl stub, Map<String, Object>[] steps, int n, String prefix) throws Exception {
        long[] roundTrip = new long[n];
        long[] model = new long[n];
        for (int i = 0; i < n; i++) {
            WsClient ws = buyers.socket();
            stub.reset();
            stub.script(steps);
            String id = prefix + i;
            long start = System.nanoTime();
            ws.send(Map.of("type", "message", "id", id, "text", "你好,帮我看看订单"));
            JsonNode reply = ws.answer(id);
            roundTrip[i] = System.nanoTime() - start;
            if (!"reply".equals(reply.path("type").asText())) {
                throw new IllegalStateException("unexpected answer " + reply);
            }
            // the stub notes its time after the last byte, which may be just after the reply reached us
            JsonNode timings = stub.timings();
            for (int wait = 0; timings.size() < steps.length && wait < 50; wait++) {
                Thread.sleep(10);
                timings = stub.timings();
            }
            if (timings.size() != steps.length) {
                throw new IllegalStateException("expected " + steps.length + " model calls, saw " + timings.size()
                        + " (did the LLM planner fall back?)");
            }
            for (JsonNode ns : timings) {
                model[i] += ns.asLong();
            }
        }
        return new long[][]{roundTrip, model};
    }

    private static String line(String scenario, long[][] m) {
        long[] overhead = new long[m[0].length];
        for (int i = 0; i < overhead.length; i++) {
            overhead[i] = m[0][i] - m[1][i];
        }
        return String.format("%-50s round trip p50 %6.2f ms p90 %6.2f ms | stub p50 %5.2f ms | overhead p50 %6.2f ms p90 %6.2f ms p99 %6.2f ms%n",
                scenario, ms(m[0], 50), ms(m[0], 90), ms(m[1], 50), ms(overhead, 50), ms(overhead, 90), ms(overhead, 99));
    }

    private static double ms(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
