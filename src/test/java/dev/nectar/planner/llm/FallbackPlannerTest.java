package dev.nectar.planner.llm;

import dev.nectar.planner.PlanStep;
import dev.nectar.planner.Planner;
import dev.nectar.planner.PlanningContext;
import dev.nectar.tools.ToolResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackPlannerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A stand-in for the embedded planner: looks up orders, then answers with what it saw. */
    private static final class Recording implements Planner {
        final List<PlanningContext> seen = new ArrayList<>();

        @Override
        public PlanStep next(PlanningContext ctx) {
            seen.add(ctx);
            return ctx.lastResult() == null ? new PlanStep.CallTool("order_lookup", Map.of())
                    : PlanStep.Reply.text("embedded saw " + ctx.results().size());
        }
    }

    private double fallbacks(String reason) {
        var c = registry.find(FallbackPlanner.METRIC).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void whileTheModelAnswersTheFallbackIsNotAsked() {
        Recording embedded = new Recording();
        Planner planner = new FallbackPlanner(ctx -> PlanStep.Reply.text("llm"), embedded, ctx -> false, registry);

        assertThat(planner.next(Fixtures.context("你好", List.of()))).isEqualTo(PlanStep.Reply.text("llm"));
        assertThat(embedded.seen).isEmpty();
        assertThat(registry.find(FallbackPlanner.METRIC).counters()).isEmpty();
    }

    @Test
    void aMessageForHumansGoesToTheFallbackWithoutAskingTheModel() {
        Recording embedded = new Recording();
        int[] llmCalls = {0};
        Planner llm = ctx -> {
            llmCalls[0]++;
            return PlanStep.Reply.text("llm");
        };
        Planner planner = new FallbackPlanner(llm, embedded, ctx -> ctx.text().contains("投诉"), registry);

        PlanningContext complaint = Fixtures.context("我要投诉", List.of());
        assertThat(planner.next(complaint)).isEqualTo(new PlanStep.CallTool("order_lookup", Map.of()));
        complaint.addResult(ToolResult.of("order_lookup", "LIST").build());
        assertThat(planner.next(complaint)).isEqualTo(PlanStep.Reply.text("embedded saw 1"));
        assertThat(llmCalls[0]).isZero();
        assertThat(registry.find(FallbackPlanner.METRIC).counters()).as("not a failure of the model").isEmpty();

        assertThat(planner.next(Fixtures.context("你好", List.of()))).isEqualTo(PlanStep.Reply.text("llm"));
        assertThat(llmCalls[0]).isEqualTo(1);
    }

    @Test
    void aFailureMidTurnHandsTheRestOfTheTurnToTheFallbackOnAFreshView() {
        Recording embedded = new Recording();
        int[] llmCalls = {0};
        Planner llm = ctx -> {
            if (llmCalls[0]++ == 0) {
                return new PlanStep.CallTool("knowledge_search", Map.of("query", "运费"));
            }
            throw new LlmCallException("timeout", "no token");
        };
        Planner planner = new FallbackPlanner(llm, embedded, ctx -> false, registry);
        PlanningContext ctx = Fixtures.context("运费多少,我的订单呢", List.of());

        assertThat(planner.next(ctx)).isInstanceOf(PlanStep.CallTool.class);
        ctx.addResult(ToolResult.of("knowledge_search", "FOUND").build());

        // the LLM fails: the fallback starts the turn over, without the LLM's results
        assertThat(planner.next(ctx)).isEqualTo(new PlanStep.CallTool("order_lookup", Map.of()));
        PlanningContext view = embedded.seen.get(0);
        assertThat(view).isNotSameAs(ctx);
        assertThat(view.text()).isEqualTo(ctx.text());
        assertThat(view.state()).isSameAs(ctx.state());
        assertThat(view.results()).isEmpty();

        // the engine's result for the fallback's own call reaches it; the LLM is not asked again this turn
        ctx.addResult(ToolResult.of("order_lookup", "LIST").build());
        assertThat(planner.next(ctx)).isEqualTo(PlanStep.Reply.text("embedded saw 1"));
        assertThat(llmCalls[0]).isEqualTo(2);
        assertThat(fallbacks("timeout")).isEqualTo(1.0);
    }

    @Test
    void anyUnexpectedErrorFallsBackToo() {
        Recording embedded = new Recording();
        Planner planner = new FallbackPlanner(ctx -> {
            throw new IllegalStateException("bug");
        }, embedded, ctx -> false, registry);

        assertThat(planner.next(Fixtures.context("你好", List.of()))).isInstanceOf(PlanStep.CallTool.class);
        assertThat(fallbacks("error")).isEqualTo(1.0);
    }

    @Test
    void deltasOfTheFallbackStillReachTheBuyer() {
        List<String> deltas = new ArrayList<>();
        Planner streaming = ctx -> {
            ctx.emitDelta("片段");
            return PlanStep.Reply.text("片段");
        };
        Planner planner = new FallbackPlanner(ctx -> {
            throw new LlmCallException("connection", "refused");
        }, streaming, ctx -> false, registry);

        planner.next(Fixtures.context("你好", List.of()).onDelta(deltas::add));

        assertThat(deltas).containsExactly("片段");
    }
}
