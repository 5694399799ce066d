package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A model that answers from a script and keeps every request it was sent. */
final class ScriptedLlmClient implements LlmClient {
    interface Answer {
        AiMessage answer(Consumer<String> partialText);
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    final List<List<ChatMessage>> requests = new ArrayList<>();
    final List<List<ToolSpecification>> tools = new ArrayList<>();

    /** Text, streamed in the given pieces. */
    ScriptedLlmClient text(String... pieces) {
        script.add(sink -> {
            for (String p : pieces) {
                sink.accept(p);
            }
            return AiMessage.from(String.join("", pieces));
        });
        return this;
    }

    ScriptedLlmClient toolCalls(ToolExecutionRequest... calls) {
        script.add(sink -> AiMessage.from(List.of(calls)));
        return this;
    }

    ScriptedLlmClient failure(LlmCallException e) {
        script.add(sink -> {
            throw e;
        });
        return this;
    }

    static ToolExecutionRequest call(String id, String tool, String arguments) {
        return ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build();
    }

    @Override
    public AiMessage chat(List<ChatMessage> messages, List<ToolSpecification> tools, Consumer<String> partialText) {
        requests.add(List.copyOf(messages));
        this.tools.add(tools);
        Answer next = script.poll();
        if (next == null) {
            throw new AssertionError("the model was called more often than scripted");
        }
        return next.answer(partialText);
    }
}
