package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.List;
import java.util.function.Consumer;

/**
 * One span per model call, under whatever span the caller is in (a buyer's turn, an inspection). Its attributes are
 * the model's name and counts, never the messages: they hold buyers' words.
 */
final class TracedLlmClient implements LlmClient {
    private final LlmClient delegate;
    private final Tracer tracer;
    private final String model;

    TracedLlmClient(LlmClient delegate, Tracer tracer, String model) {
        this.delegate = delegate;
        this.tracer = tracer;
        this.model = model;
    }

    @Override
    public AiMessage chat(List<ChatMessage> messages, List<ToolSpecification> tools, Consumer<String> partialText) {
        Span span = tracer.spanBuilder("nectar.llm").setAttribute("gen_ai.request.model", model)
                .setAttribute("nectar.llm.messages", messages.size()).setAttribute("nectar.llm.tools", tools.size()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            AiMessage answer = delegate.chat(messages, tools, partialText);
            span.setAttribute("nectar.llm.tool_calls", answer.hasToolExecutionRequests() ? answer.toolExecutionRequests().size() : 0);
            return answer;
        } catch (LlmCallException e) {
            span.setStatus(StatusCode.ERROR, e.kind());
            throw e;
        } finally {
            span.end();
        }
    }
}
