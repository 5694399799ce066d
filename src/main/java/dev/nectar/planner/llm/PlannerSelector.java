package dev.nectar.planner.llm;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.nectar.planner.Planner;
import dev.nectar.planner.Responder;
import dev.nectar.planner.embedded.EmbeddedPlanner;
import dev.nectar.planner.embedded.Understander;
import dev.nectar.planner.understanding.Lexicon;
import dev.nectar.planner.understanding.PromptInjectionDetector;
import dev.nectar.platform.NectarConfig;
import dev.nectar.tools.ToolManifests;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Chooses the planner at start-up from the run-time configuration, with no rebuild: the LLM planner (with the
 * embedded one as its fallback) when {@code NECTAR_LLM_BASE_URL} is set, the embedded planner otherwise. This is the
 * one injectable {@link Planner}; {@link EmbeddedPlanner} is a default bean and stays injectable by its class.
 *
 * <p>The model is built here from {@link NectarConfig}, not from the LangChain4j extension's own configuration, so
 * that one set of {@code NECTAR_LLM_*} variables drives it.
 */
@ApplicationScoped
public class PlannerSelector {
    private static final Logger LOG = Logger.getLogger(PlannerSelector.class);

    @Produces
    @Singleton
    LlmConnection connection(NectarConfig config, Tracer tracer) {
        NectarConfig.Llm llm = config.llm();
        Optional<String> baseUrl = llm.baseUrl().map(String::strip).filter(u -> !u.isEmpty());
        if (baseUrl.isEmpty()) {
            return new LlmConnection(Optional.empty(), null, llm.model());
        }
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl.get())
                // endpoints without authentication (Ollama, a local vLLM) accept any key; the client requires one
                .apiKey(llm.apiKey().filter(k -> !k.isBlank()).orElse("none"))
                .modelName(llm.model())
                .timeout(llm.timeout())
                .temperature(0.3)
                .build();
        return new LlmConnection(Optional.of(new TracedLlmClient(new FaultTolerantLlmClient(
                new StreamingLlmClient(model, llm.idleTimeout(), llm.timeout()), llm.maxRetries(), llm.breakerDelay()), tracer, llm.model())),
                baseUrl.get(), llm.model());
    }

    @Produces
    @Singleton
    @Startup
    Planner planner(NectarConfig config, LlmConnection connection, EmbeddedPlanner embedded, Understander understander,
                    ToolManifests manifests, Responder responder, MeterRegistry registry) {
        if (connection.client().isEmpty()) {
            LOG.info("Planner: embedded (set NECTAR_LLM_BASE_URL to plan with an LLM)");
            return embedded;
        }
        LlmClient client = connection.client().get();
        Path dir = Path.of(config.promptsDir(), "llm");
        String systemPrompt = read(dir.resolve("system.md"));
        OutputGuard guard = new OutputGuard(GuardRules.load(dir.resolve("guard.json")), systemPrompt);
        // the understanding layer's detector, so that both planners refuse the same messages
        Lexicon lexicon = Lexicon.load(Path.of(config.promptsDir(), "understanding"));
        PromptInjectionDetector injection = new PromptInjectionDetector(lexicon);
        LlmPlanner planner = new LlmPlanner(client, ManifestToolSpecs.from(manifests.all()), systemPrompt, guard,
                text -> injection.detect(lexicon.normalizer().normalize(text)).isPresent(),
                () -> responder.render("injection"), Clock.systemDefaultZone());
        LOG.infof("Planner: LLM model %s at %s, embedded planner as fallback", connection.model(), connection.baseUrl());
        return new FallbackPlanner(planner, embedded, ctx -> understander.understand(ctx.buyer().merchantId(), ctx.text(), ctx.orders(), ctx.catalog()).forHumans(),
                registry);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the LLM system prompt " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
