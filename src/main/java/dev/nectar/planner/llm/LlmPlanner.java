package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.nectar.conversation.Turn;
import dev.nectar.planner.PlanStep;
import dev.nectar.planner.Planner;
import dev.nectar.planner.PlanningContext;
import dev.nectar.platform.Json;
import dev.nectar.tools.ToolResult;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plans with an OpenAI-compatible model through tool calling. The model only proposes: each tool call becomes a
 * {@link PlanStep.CallTool} that the engine validates against the manifest, runs for the authenticated buyer, and
 * for writes previews and puts to the buyer before anything happens; the model's text becomes a
 * {@link PlanStep.Reply} after the {@link OutputGuard}. A turn's conversation with the model (its messages and the
 * tool calls still to run) lives in the planning context, so the engine's loop drives it step by step.
 *
 * <p>Failures are thrown as {@link LlmCallException}; {@link FallbackPlanner} turns them into an embedded answer.
 */
public final class LlmPlanner implements Planner {
    static final String EXCHANGE = "llm.exchange";
    /** Past turns sent to the model; older ones add cost and little context for a service conversation. */
    static final int MAX_HISTORY_TURNS = 20;
    /** Model calls in one turn; beyond, the model is looping (on malformed calls, say) and the fallback answers. */
    static final int MAX_MODEL_CALLS = 6;

    private final LlmClient client;
    private final List<ToolSpecification> tools;
    private final String systemPrompt;
    private final OutputGuard guard;
    private final Predicate<String> injection;
    private final Supplier<String> refusal;
    private final Clock clock;

    /**
     * @param injection tells a prompt-injection attempt in the buyer's message, answered with {@code refusal}
     *                  without asking the model
     * @param refusal   the reply to an injection attempt, and to a model answer the guard removed entirely
     */
    public LlmPlanner(LlmClient client, List<ToolSpecification> tools, String systemPrompt, OutputGuard guard,
                      Predicate<String> injection, Supplier<String> refusal, Clock clock) {
        this.client = client;
        this.tools = List.copyOf(tools);
        this.systemPrompt = systemPrompt;
        this.guard = guard;
        this.injection = injection;
        this.refusal = refusal;
        this.clock = clock;
    }

    /** The model conversation of one buyer message. */
    private static final class Exchange {
        final List<ChatMessage> messages;
        final Deque<ToolExecutionRequest> queued = new ArrayDeque<>();
        ToolExecutionRequest awaiting;
        int resultsBefore;
        int modelCalls;

        Exchange(List<ChatMessage> messages) {
            this.messages = messages;
        }
    }

    @Override
    public PlanStep next(PlanningContext ctx) {
        Exchange ex = ctx.recall(EXCHANGE);
        if (ex == null) {
            if (injection.test(ctx.text())) {
                return settled(ctx, PlanStep.Reply.text(refusal.get()));
            }
            ex = new Exchange(initialMessages(ctx));
            ctx.remember(EXCHANGE, ex);
        }
        if (ex.awaiting != null) {
            ToolResult result = ctx.results().size() > ex.resultsBefore ? ctx.lastResult() : null;
            ex.messages.add(ToolExecutionResultMessage.from(ex.awaiting, result == null
                    ? Json.write(Map.of("status", "NO_RESULT", "ok", false)) : toolAnswer(result)));
            ex.awaiting = null;
        }
        while (true) {
            ToolExecutionRequest request = ex.queued.poll();
            if (request != null) {
                Optional<Map<String, Object>> args = arguments(request.arguments());
                if (args.isEmpty()) {
                    // never reaches the engine: the model gets the engine's answer to malformed input and tries again
                    ex.messages.add(ToolExecutionResultMessage.from(request, toolAnswer(ToolResult
                            .of(request.name(), ToolResult.INVALID_ARGS).failed()
                            .fact("problem", "arguments must be a JSON object")
                            .summary("invalid arguments: not a JSON object").build())));
                    continue;
                }
                ex.awaiting = request;
                ex.resultsBefore = ctx.results().size();
                return settled(ctx, new PlanStep.CallTool(request.name(), args.get()));
            }
            if (ex.modelCalls >= MAX_MODEL_CALLS) {
                throw new LlmCallException("loop", "no answer after " + MAX_MODEL_CALLS + " model calls");
            }
            ex.modelCalls++;
            Grounding grounding = new TurnGrounding(ctx);
            SentenceStream stream = new SentenceStream(s -> guard.sentence(s, grounding), ctx::emitDelta);
            AiMessage answer = withIds(client.chat(ex.messages, tools, stream::accept), ex.modelCalls);
            ex.messages.add(answer);
            if (answer.hasToolExecutionRequests()) {
                ex.queued.addAll(answer.toolExecutionRequests());
                continue;
            }
            if (answer.text() == null || answer.text().isBlank()) {
                throw new LlmCallException("invalid_answer", "the model answered neither text nor a tool call");
            }
            if (stream.received() == 0) {
                stream.accept(answer.text());
            }
            String text = stream.finish().strip();
            return settled(ctx, new PlanStep.Reply(text.isEmpty() ? refusal.get() : text, cards(ctx), quickReplies(ctx)));
        }
    }

    /**
     * A message that was not the yes/no the engine waited for leaves the pending write behind, so that a later
     * "好的" to some other question cannot run it. Done only once the model has answered: if it fails, the
     * fallback sees the dialogue as it was.
     */
    private static PlanStep settled(PlanningContext ctx, PlanStep step) {
        ctx.state().pendingAction = null;
        return step;
    }

    private List<ChatMessage> initialMessages(PlanningContext ctx) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(systemPrompt + "\n\n今天的日期:" + LocalDate.now(clock)));
        List<Turn> past = new ArrayList<>(ctx.history());
        // the engine records the buyer's message before planning; it is sent below, once
        if (!past.isEmpty() && past.get(past.size() - 1).role() == Turn.Role.BUYER
                && ctx.text().equals(past.get(past.size() - 1).text())) {
            past.remove(past.size() - 1);
        }
        past = past.subList(Math.max(0, past.size() - MAX_HISTORY_TURNS), past.size());
        boolean started = false;
        for (int i = 0; i < past.size(); i++) {
            Turn t = past.get(i);
            started |= t.role() == Turn.Role.BUYER;
            if (started) {
                addTurn(messages, t, i);
            }
        }
        messages.add(UserMessage.from(withImages(ctx.text(), ctx.images())));
        return messages;
    }

    /** A past turn as the model would have seen it: the buyer's words, the bot's tool calls and outcome, its reply. */
    private static void addTurn(List<ChatMessage> messages, Turn t, int index) {
        switch (t.role()) {
            case BUYER -> messages.add(UserMessage.from(withImages(t.text(), t.images())));
            case BOT, AGENT -> {
                List<Turn.ToolCall> calls = t.toolCalls() == null ? List.of() : t.toolCalls();
                if (!calls.isEmpty()) {
                    List<ToolExecutionRequest> requests = new ArrayList<>();
                    for (int k = 0; k < calls.size(); k++) {
                        requests.add(ToolExecutionRequest.builder().id("h" + index + "_" + k).name(calls.get(k).tool())
                                .arguments(Json.write(calls.get(k).args() == null ? Map.of() : calls.get(k).args())).build());
                    }
                    messages.add(AiMessage.from(requests));
                    for (int k = 0; k < calls.size(); k++) {
                        Map<String, Object> outcome = new LinkedHashMap<>();
                        outcome.put("ok", calls.get(k).ok());
                        outcome.put("summary", calls.get(k).summary());
                        messages.add(ToolExecutionResultMessage.from(requests.get(k), Json.write(outcome)));
                    }
                }
                if (t.text() != null && !t.text().isBlank()) {
                    messages.add(AiMessage.from(t.text()));
                }
            }
            default -> {
            }
        }
    }

    private static String withImages(String text, List<String> images) {
        if (images == null || images.isEmpty()) {
            return text == null ? "" : text;
        }
        return (text == null ? "" : text) + "\n[买家随消息上传了图片,imageIds: " + String.join(", ", images) + "]";
    }

    /** What the model learns from a tool: its status, facts, cards and summary, as JSON. */
    static String toolAnswer(ToolResult r) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", r.status());
        answer.put("ok", r.ok());
        answer.put("facts", r.facts());
        if (!r.cards().isEmpty()) {
            answer.put("cards", r.cards());
        }
        answer.put("summary", r.summary());
        return Json.write(answer);
    }

    /** Tool arguments as the engine takes them; empty when they are not a JSON object (no arguments is {}). */
    static Optional<Map<String, Object>> arguments(String json) {
        if (json == null || json.isBlank()) {
            return Optional.of(new LinkedHashMap<>());
        }
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> args = Json.MAPPER.convertValue(node, LinkedHashMap.class);
            return Optional.of(args);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Some OpenAI-compatible servers omit tool call ids; the tool answers must name the call they answer. */
    private static AiMessage withIds(AiMessage answer, int call) {
        if (!answer.hasToolExecutionRequests() || answer.toolExecutionRequests().stream().allMatch(r -> r.id() != null && !r.id().isBlank())) {
            return answer;
        }
        List<ToolExecutionRequest> requests = new ArrayList<>();
        List<ToolExecutionRequest> given = answer.toolExecutionRequests();
        for (int k = 0; k < given.size(); k++) {
            ToolExecutionRequest r = given.get(k);
            requests.add(r.id() != null && !r.id().isBlank() ? r : r.toBuilder().id("call_" + call + "_" + k).build());
        }
        return answer.text() == null ? AiMessage.from(requests) : AiMessage.from(answer.text(), requests);
    }

    /** The cards of this turn's tool results, each once, in the order they came. */
    private static List<Map<String, Object>> cards(PlanningContext ctx) {
        LinkedHashSet<Map<String, Object>> cards = new LinkedHashSet<>();
        ctx.results().forEach(r -> cards.addAll(r.cards()));
        return List.copyOf(cards);
    }

    private static List<String> quickReplies(PlanningContext ctx) {
        ToolResult last = ctx.lastResult();
        return last == null ? List.of() : last.quickReplies();
    }
}
