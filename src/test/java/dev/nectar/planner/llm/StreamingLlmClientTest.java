package dev.nectar.planner.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingLlmClientTest {

    /** A model whose callbacks come from another thread, as the HTTP client's do. */
    private static StreamingChatModel model(BiConsumer<ChatRequest, StreamingChatResponseHandler> behaviour) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                new Thread(() -> behaviour.accept(request, handler)).start();
            }
        };
    }

    private static AiMessage chat(StreamingChatModel model, List<String> pieces, List<Thread> threads) {
        return new StreamingLlmClient(model, Duration.ofMillis(300), Duration.ofSeconds(5))
                .chat(List.of(UserMessage.from("你好")), List.of(), p -> {
                    pieces.add(p);
                    threads.add(Thread.currentThread());
                });
    }

    @Test
    void piecesReachTheSinkOnTheCallingThreadAndTheAnswerIsReturned() {
        List<String> pieces = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AiMessage answer = chat(model((req, h) -> {
            h.onPartialResponse("您好");
            h.onPartialResponse("!");
            h.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("您好!")).build());
        }), pieces, threads);

        assertThat(answer.text()).isEqualTo("您好!");
        assertThat(pieces).containsExactly("您好", "!");
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void aSilentModelIsGivenUpOnWithATimeoutThatIsNotRetried() {
        assertThatThrownBy(() -> chat(model((req, h) -> { }), new ArrayList<>(), new ArrayList<>()))
                .isInstanceOfSatisfying(LlmCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo("timeout");
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void failuresAreSortedByWhatTheCallerCanDo() {
        assertThat(StreamingLlmClient.classify(new HttpException(503, "busy"), false).retriable()).isTrue();
        assertThat(StreamingLlmClient.classify(new HttpException(429, "slow down"), false).kind()).isEqualTo("rate_limited");
        assertThat(StreamingLlmClient.classify(new HttpException(401, "bad key"), false).retriable()).isFalse();
        assertThat(StreamingLlmClient.classify(new RuntimeException(new ConnectException("refused")), false).retriable()).isTrue();
        assertThat(StreamingLlmClient.classify(new IllegalArgumentException("odd"), false).retriable()).isFalse();
        // once the buyer has seen text, a second attempt would repeat it
        assertThat(StreamingLlmClient.classify(new HttpException(503, "busy"), true).retriable()).isFalse();
    }

    @Test
    void anErrorAfterSomeTextIsNotRetriable() {
        List<String> pieces = new ArrayList<>();
        assertThatThrownBy(() -> chat(model((req, h) -> {
            h.onPartialResponse("您好");
            h.onError(new HttpException(502, "bad gateway"));
        }), pieces, new ArrayList<>())).isInstanceOfSatisfying(LlmCallException.class, e -> {
            assertThat(e.kind()).isEqualTo("server_error");
            assertThat(e.retriable()).isFalse();
        });
        assertThat(pieces).containsExactly("您好");
    }
}
