package dev.nectar.planner.llm;

import dev.nectar.planner.PlanStep;
import dev.nectar.planner.Planner;
import dev.nectar.planner.PlanningContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Predicate;

/**
 * The LLM planner, with the embedded planner answering whenever it fails: from the step that failed to the end of
 * the turn, the embedded planner plans on a fresh view of the same message, as if it had served the turn from the
 * start (the engine never ran a write for the LLM planner, since writes wait for the buyer's yes, so starting over
 * repeats at most a read). The buyer gets an answer, never an error. Each fallback counts in
 * {@code nectar_llm_fallback_total{reason}}.
 *
 * <p>A message that the policy hands to a human (a request for one, a complaint, a health or safety question) is
 * given to the embedded planner from the start, without asking the model: its fixed detectors decide, so the
 * outcome does not depend on what the model makes of the message.
 */
public final class FallbackPlanner implements Planner {
    private static final Logger LOG = Logger.getLogger(FallbackPlanner.class);
    static final String TAKEN_OVER = "llm.fallback";
    public static final String METRIC = "nectar.llm.fallback";

    private final Planner primary;
    private final Planner fallback;
    private final Predicate<PlanningContext> forHumans;
    private final MeterRegistry registry;

    /** @param forHumans true for a message that the policy hands to a human whatever the model would say */
    public FallbackPlanner(Planner primary, Planner fallback, Predicate<PlanningContext> forHumans, MeterRegistry registry) {
        this.primary = primary;
        this.fallback = fallback;
        this.forHumans = forHumans;
        this.registry = registry;
    }

    /** The fallback's own context for this turn, and how many of the engine's results it has seen. */
    private static final class TakeOver {
        final PlanningContext view;
        int seen;

        TakeOver(PlanningContext view, int seen) {
            this.view = view;
            this.seen = seen;
        }
    }

    @Override
    public PlanStep next(PlanningContext ctx) {
        TakeOver takeOver = ctx.recall(TAKEN_OVER);
        if (takeOver == null && ctx.results().isEmpty() && forHumans.test(ctx)) {
            takeOver = new TakeOver(freshView(ctx), 0);
            ctx.remember(TAKEN_OVER, takeOver);
        }
        if (takeOver == null) {
            try {
                return primary.next(ctx);
            } catch (RuntimeException e) {
                String reason = e instanceof LlmCallException l ? l.kind() : "error";
                Counter.builder(METRIC).description("Turns answered by the embedded planner because the LLM failed")
                        .tag("reason", reason).register(registry).increment();
                if (e instanceof LlmCallException) {
                    LOG.warnf("LLM planner failed (%s: %s); the embedded planner answers this turn", reason, e.getMessage());
                } else {
                    LOG.errorf(e, "LLM planner failed unexpectedly; the embedded planner answers this turn");
                }
                takeOver = new TakeOver(freshView(ctx), ctx.results().size());
                ctx.remember(TAKEN_OVER, takeOver);
            }
        }
        // results the engine produced for the fallback's own calls
        List<dev.nectar.tools.ToolResult> results = ctx.results();
        for (; takeOver.seen < results.size(); takeOver.seen++) {
            takeOver.view.addResult(results.get(takeOver.seen));
        }
        return fallback.next(takeOver.view);
    }

    private static PlanningContext freshView(PlanningContext ctx) {
        return new PlanningContext(ctx.buyer(), ctx.conversationId(), ctx.text(), ctx.images(), ctx.state(),
                ctx.history(), ctx::orders, ctx::catalog, ctx::policy).onDelta(ctx::emitDelta);
    }
}
