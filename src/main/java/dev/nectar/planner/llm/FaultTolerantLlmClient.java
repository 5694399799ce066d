package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wraps a client once with retry (exponential backoff, only for {@link LlmCallException#retriable()} failures) and
 * a circuit breaker (SmallRye Fault Tolerance's programmatic {@link Guard}). While the circuit is open a call fails
 * at once, so the fallback answers without waiting for an endpoint known to be down. Timeouts live in the wrapped
 * client, which gives up without interrupting the thread that the fallback then uses.
 */
public final class FaultTolerantLlmClient implements LlmClient {
    /** The breaker's name, for {@code CircuitBreakerMaintenance} (tests reset it, operators may read its state). */
    public static final String BREAKER = "nectar-llm";

    private final LlmClient delegate;
    private final Guard guard;

    public FaultTolerantLlmClient(LlmClient delegate, int maxRetries, Duration breakerDelay) {
        this.delegate = delegate;
        this.guard = Guard.create()
                .withDescription("LLM planner model calls")
                .withRetry()
                    .maxRetries(maxRetries)
                    .delay(200, ChronoUnit.MILLIS)
                    .jitter(50, ChronoUnit.MILLIS)
                    .maxDuration(10, ChronoUnit.SECONDS)
                    .whenException(e -> e instanceof LlmCallException l && l.retriable())
                    .withExponentialBackoff().factor(2).maxDelay(2, ChronoUnit.SECONDS).done()
                    .done()
                .withCircuitBreaker()
                    .name(BREAKER)
                    .requestVolumeThreshold(4)
                    .failureRatio(0.5)
                    .successThreshold(1)
                    .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    @Override
    public AiMessage chat(List<ChatMessage> messages, List<ToolSpecification> tools, Consumer<String> partialText) {
        try {
            return guard.call(() -> delegate.chat(messages, tools, partialText), AiMessage.class);
        } catch (LlmCallException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new LlmCallException("circuit_open", "the model endpoint failed repeatedly; circuit open", false, e);
        } catch (Exception e) {
            throw StreamingLlmClient.classify(e, false);
        }
    }
}
