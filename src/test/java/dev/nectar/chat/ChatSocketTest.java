package dev.nectar.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.platform.NectarConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The /ws/chat protocol through a real WebSocket client against the started server. */
@QuarkusTest
class ChatSocketTest {
    @Inject
    NectarConfig config;

    @TestHTTPResource("/")
    URI base;

    @Test
    void sessionThenExactlyOneReplyPerMessage() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b1"))) {
            JsonNode session = ws.next("session");
            assertThat(session.path("conversationId").asText()).isNotBlank();
            assertThat(session.path("resumed").asBoolean()).isFalse();
            for (String id : List.of("m1", "m2", "m3")) {
                ws.send(Map.of("type", "message", "id", id, "text", "你好"));
            }
            for (String id : List.of("m1", "m2", "m3")) {
                JsonNode answer = ws.next(f -> id.equals(f.path("replyTo").asText()));
                assertThat(answer.path("type").asText()).isIn("reply", "handoff", "error");
            }
            List<JsonNode> extra = ws.drain(500);
            assertThat(extra).noneMatch(f -> f.has("replyTo") && f.path("type").asText().matches("reply|handoff|error"));
        }
    }

    @Test
    void resumeWithinThirtyMinutesAndEndStartsAfresh() throws Exception {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("b2");
        String first;
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            first = ws.next("session").path("conversationId").asText();
            ws.send(Map.of("type", "message", "id", "a", "text", "你好"));
            ws.next(f -> "a".equals(f.path("replyTo").asText()));
        }
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            JsonNode session = ws.next("session");
            assertThat(session.path("conversationId").asText()).isEqualTo(first);
            assertThat(session.path("resumed").asBoolean()).isTrue();
            ws.send(Map.of("type", "end"));
            assertThat(ws.isClosed(5000)).isTrue();
        }
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            JsonNode session = ws.next("session");
            assertThat(session.path("conversationId").asText()).isNotEqualTo(first);
            assertThat(session.path("resumed").asBoolean()).isFalse();
        }
    }

    @Test
    void malformedAndOversizeFramesGetErrorsAndTheSocketStaysOpen() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b3"))) {
            ws.next("session");
            ws.sendRaw("{not json");
            assertThat(ws.next("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
            ws.sendRaw("[1,2]");
            assertThat(ws.next("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
            ws.send(Map.of("type", "dance"));
            assertThat(ws.next("error").path("code").asText()).isEqualTo("UNKNOWN_FRAME");
            ws.send(Map.of("type", "message", "id", "long", "text", "好".repeat(ChatSocket.MAX_TEXT_CHARS + 1)));
            JsonNode tooLong = ws.next("error");
            assertThat(tooLong.path("code").asText()).isEqualTo("TOO_LONG");
            assertThat(tooLong.path("replyTo").asText()).isEqualTo("long");
            ws.send(Map.of("type", "message", "id", "huge", "text", "x".repeat(ChatSocket.MAX_FRAME_CHARS + 10)));
            assertThat(ws.next("error").path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
            ws.send(Map.of("type", "rate", "score", 9));
            assertThat(ws.next("error").path("code").asText()).isEqualTo("MALFORMED_FRAME");
            ws.send(Map.of("type", "message", "id", "ok", "text", "你好"));
            assertThat(ws.next(f -> "ok".equals(f.path("replyTo").asText())).path("type").asText()).isEqualTo("reply");
            assertThat(ws.isClosed(100)).isFalse();
        }
    }

    @Test
    void floodingIsRateLimitedPerBuyer() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b4"))) {
            ws.next("session");
            int n = config.limits().chatBurst() + 15;
            for (int i = 0; i < n; i++) {
                ws.send(Map.of("type", "message", "id", "f" + i, "text", "你好"));
            }
            int limited = 0;
            for (int i = 0; i < n; i++) {
                String id = "f" + i;
                JsonNode f = ws.next(x -> id.equals(x.path("replyTo").asText()));
                if ("RATE_LIMITED".equals(f.path("code").asText())) {
                    limited++;
                }
            }
            assertThat(limited).isPositive();
        }
    }

    @Test
    void forgedTokenIsRefused() throws Exception {
        try (WsClient ws = WsClient.connect(base, "/ws/chat", "nb1.forged.token")) {
            assertThat(ws.next("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(ws.isClosed(5000)).isTrue();
        }
    }
}
