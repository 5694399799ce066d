package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import jakarta.ws.rs.WebApplicationException;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Calls a LangChain4j {@link StreamingChatModel} and waits for its answer on the calling thread. The model's
 * callbacks run on I/O threads; they only queue events, so the buyer's socket is written (and the planner resumed)
 * on the thread that asked. Two deadlines: an idle one (first token, or silence between tokens) that catches a
 * hanging endpoint quickly, and a total one for the whole answer. Neither interrupts a thread.
 */
public final class StreamingLlmClient implements LlmClient {
    private static final Object ACTIVITY = new Object();

    private final StreamingChatModel model;
    private final Duration idleTimeout;
    private final Duration timeout;

    public StreamingLlmClient(StreamingChatModel model, Duration idleTimeout, Duration timeout) {
        this.model = model;
        this.idleTimeout = idleTimeout;
        this.timeout = timeout;
    }

    private record Piece(String text) {
    }

    private record Failure(Throwable error) {
    }

    @Override
    public AiMessage chat(List<ChatMessage> messages, List<ToolSpecification> tools, Consumer<String> partialText) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        try {
            model.chat(request.build(), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String text) {
                    events.add(new Piece(text));
                }

                @Override
                public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
                    handle.compareAndSet(null, context.streamingHandle());
                    events.add(new Piece(response.text()));
                }

                @Override
                public void onPartialThinking(PartialThinking thinking) {
                    events.add(ACTIVITY);
                }

                @Override
                public void onPartialToolCall(PartialToolCall toolCall) {
                    events.add(ACTIVITY);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(response);
                }

                @Override
                public void onError(Throwable error) {
                    events.add(new Failure(error));
                }
            });
        } catch (RuntimeException e) {
            throw classify(e, false);
        }
        return await(events, handle, partialText);
    }

    private AiMessage await(BlockingQueue<Object> events, AtomicReference<StreamingHandle> handle, Consumer<String> partialText) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean streamed = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object event = left <= 0 ? null : events.poll(Math.min(left, idleTimeout.toNanos()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    cancel(handle);
                    boolean idle = deadline - System.nanoTime() > 0;
                    throw new LlmCallException("timeout", idle
                            ? "no token from the model within " + idleTimeout.toMillis() + " ms"
                            : "the model did not finish within " + timeout.toMillis() + " ms");
                }
                if (event instanceof Piece p) {
                    if (p.text() != null && !p.text().isEmpty()) {
                        streamed = true;
                        partialText.accept(p.text());
                    }
                } else if (event instanceof ChatResponse r) {
                    if (r.aiMessage() == null) {
                        throw new LlmCallException("invalid_answer", "the model answered without a message");
                    }
                    return r.aiMessage();
                } else if (event instanceof Failure f) {
                    throw classify(f.error(), streamed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(handle);
            throw new LlmCallException("interrupted", "interrupted while waiting for the model", false, e);
        }
    }

    private static void cancel(AtomicReference<StreamingHandle> handle) {
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException ignored) {
                // the stream is abandoned either way; a failed cancel only leaves the connection to its read timeout
            }
        }
    }

    /**
     * Sorts a failure by what the caller can do. Nothing is retriable once text was streamed: the buyer has seen it,
     * and a second answer would repeat or contradict it.
     */
    static LlmCallException classify(Throwable error, boolean streamed) {
        if (error instanceof LlmCallException l) {
            return l;
        }
        Integer status = statusOf(error);
        if (status != null) {
            boolean transientStatus = status == 429 || status >= 500;
            String kind = status == 429 ? "rate_limited" : status >= 500 ? "server_error" : "rejected";
            return new LlmCallException(kind, "the model endpoint answered HTTP " + status, transientStatus && !streamed, error);
        }
        if (isTimeout(error)) {
            return new LlmCallException("timeout", "the model endpoint timed out", false, error);
        }
        if (isConnection(error)) {
            return new LlmCallException("connection", "cannot reach the model endpoint: " + rootMessage(error), !streamed, error);
        }
        return new LlmCallException("error", "the model call failed: " + rootMessage(error), false, error);
    }

    /** The HTTP status of the answer, when the endpoint gave one; typed LangChain4j exceptions stand for theirs. */
    private static Integer statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w.getResponse().getStatus();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.langchain4j.exception.RateLimitException) {
                return 429;
            }
            if (t instanceof dev.langchain4j.exception.InternalServerException) {
                return 500;
            }
        }
        return null;
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof IOException
                    || t.getClass().getName().startsWith("io.netty.channel")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
