package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;

import java.util.List;
import java.util.function.Consumer;

/**
 * One call to a chat model that may answer with text or with tool calls. Blocks until the answer is complete;
 * pieces of text go to {@code partialText} on the calling thread as they arrive.
 *
 * @throws LlmCallException when the model does not answer: the caller falls back, never shows it to the buyer
 */
public interface LlmClient {

    AiMessage chat(List<ChatMessage> messages, List<ToolSpecification> tools, Consumer<String> partialText);
}
