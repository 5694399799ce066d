package dev.nectar.planner.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts an {@link OpenAiStub} before the application and points the LLM planner at it, with short deadlines so
 * that failure tests finish quickly. Tests drive the stub through {@link StubControl}.
 */
public class OpenAiStubResource implements QuarkusTestResourceLifecycleManager {
    private OpenAiStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new OpenAiStub(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "nectar.llm.base-url", stub.baseUrl(),
                "nectar.llm.api-key", "test-key",
                "nectar.llm.model", "stub-model",
                "nectar.llm.idle-timeout", "PT1S",
                "nectar.llm.timeout", "PT5S",
                "nectar.llm.max-retries", "2",
                "nectar.llm.breaker-delay", "PT2S");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
