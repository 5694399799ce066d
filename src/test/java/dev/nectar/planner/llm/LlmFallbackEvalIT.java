package dev.nectar.planner.llm;

import dev.nectar.ServerProcess;
import dev.nectar.eval.DevEval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev evaluation against the packaged server configured for the LLM planner while the model endpoint is down:
 * the fallback must keep the buyer experience of the embedded planner. One endpoint hangs (the harder case: every
 * call waits for the idle timeout until the circuit opens), the other refuses connections (a closed port).
 */
class LlmFallbackEvalIT {

    @Test
    void aHangingModelEndpointStillPassesNinetyPercent(@TempDir Path data) throws Exception {
        try (OpenAiStub stub = new OpenAiStub(0).answerByDefault("{\"hang\":true}")) {
            assertPasses(data, stub.baseUrl());
        }
    }

    @Test
    void anUnreachableModelEndpointStillPassesNinetyPercent(@TempDir Path data) throws Exception {
        assertPasses(data, "http://127.0.0.1:" + ServerProcess.freePort() + "/v1");
    }

    private static void assertPasses(Path data, String llmBaseUrl) throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of("NECTAR_DATA_DIR", data.toString(),
                "NECTAR_ADMIN_TOKEN", "eval-admin", "NECTAR_DEMO", "false",
                "NECTAR_LLM_BASE_URL", llmBaseUrl, "NECTAR_LLM_API_KEY", "unused", "NECTAR_LLM_MODEL", "qwen-plus"))) {
            DevEval.Result r = DevEval.run(server, "eval-admin");
            System.out.println(r.output());
            assertThat(server.output()).contains("Planner: LLM model");
            String metrics = new String(java.net.URI.create(server.baseUrl() + "/q/metrics").toURL().openStream().readAllBytes());
            assertThat(metrics).as("fallbacks are counted").containsPattern("(?m)^nectar_llm_fallback_total\\{.*} [1-9]");
            assertThat(r.accuracy()).as("dev evaluation accuracy with the model endpoint down").isGreaterThanOrEqualTo(0.90);
        }
    }
}
