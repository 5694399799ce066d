package dev.nectar.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.merchant.Authenticator;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.Json;
import dev.nectar.platform.bus.FrameBus;
import dev.nectar.platform.bus.LocalSockets;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /ws/chat?token=<buyer token>}: parses and checks frames, hands them to {@link ChatService}, and sends
 * what it answers. A bad frame gets an error frame; the socket stays open.
 */
@WebSocket(path = "/ws/chat")
public class ChatSocket {
    static final int MAX_FRAME_CHARS = 16 * 1024;
    static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_IMAGES = 9;
    private static final String BUYER = "buyer";
    private static final String CONVERSATION = "conversation";

    private final Authenticator auth;
    private final ChatService chat;
    private final LocalSockets sockets;
    private final RateLimiter rateLimiter;

    public ChatSocket(Authenticator auth, ChatService chat, LocalSockets sockets, RateLimiter rateLimiter) {
        this.auth = auth;
        this.chat = chat;
        this.sockets = sockets;
        this.rateLimiter = rateLimiter;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Optional<BuyerIdentity> buyer = auth.buyer(QueryParams.get(connection.handshakeRequest().query(), "token"));
        if (buyer.isEmpty()) {
            send(connection, new Frames.Error(null, "UNAUTHORIZED", "missing, invalid or expired buyer token"));
            connection.closeAndAwait(new CloseReason(1008, "unauthorized"));
            return;
        }
        Frames.Session session = chat.open(buyer.get());
        connection.userData().put(io.quarkus.websockets.next.UserData.TypedKey.forString(BUYER), Json.write(buyer.get()));
        connection.userData().put(io.quarkus.websockets.next.UserData.TypedKey.forString(CONVERSATION), session.conversationId());
        sockets.add(FrameBus.buyer(session.conversationId()), connection);
        send(connection, session);
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String raw) {
        String conversationId = connection.userData().get(io.quarkus.websockets.next.UserData.TypedKey.forString(CONVERSATION));
        String buyerJson = connection.userData().get(io.quarkus.websockets.next.UserData.TypedKey.forString(BUYER));
        if (conversationId == null || buyerJson == null) {
            return;
        }
        BuyerIdentity buyer = Json.read(buyerJson, BuyerIdentity.class);
        for (Object frame : handle(buyer, conversationId, connection, raw)) {
            send(connection, frame);
        }
    }

    private List<Object> handle(BuyerIdentity buyer, String conversationId, WebSocketConnection connection, String raw) {
        if (raw.length() > MAX_FRAME_CHARS) {
            return List.of(new Frames.Error(null, "FRAME_TOO_LARGE", "frames are limited to " + MAX_FRAME_CHARS + " characters"));
        }
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            return List.of(new Frames.Error(null, "MALFORMED_FRAME", "the frame is not valid JSON"));
        }
        if (frame == null || !frame.isObject()) {
            return List.of(new Frames.Error(null, "MALFORMED_FRAME", "a frame is a JSON object with a type"));
        }
        String id = frame.path("id").isTextual() ? frame.path("id").asText() : null;
        String type = frame.path("type").asText("");
        if (!rateLimiter.tryAcquire(buyer.merchantId() + ":" + buyer.buyerId())) {
            return List.of(new Frames.Error(id, "RATE_LIMITED", "too many messages, please slow down"));
        }
        switch (type) {
            case "message" -> {
                if (id == null || id.isBlank() || id.length() > 100) {
                    return List.of(new Frames.Error(null, "MALFORMED_FRAME", "a message needs a string id"));
                }
                JsonNode text = frame.path("text");
                if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
                    return List.of(new Frames.Error(id, "MALFORMED_FRAME", "text must be a string"));
                }
                String body = text.asText("").strip();
                if (body.length() > MAX_TEXT_CHARS) {
                    return List.of(new Frames.Error(id, "TOO_LONG", "messages are limited to " + MAX_TEXT_CHARS + " characters"));
                }
                List<String> images = new ArrayList<>();
                JsonNode imgs = frame.path("images");
                if (!imgs.isMissingNode() && !imgs.isNull()) {
                    if (!imgs.isArray() || imgs.size() > MAX_IMAGES) {
                        return List.of(new Frames.Error(id, "MALFORMED_FRAME", "images must be an array of at most " + MAX_IMAGES + " ids"));
                    }
                    for (JsonNode i : imgs) {
                        if (!i.isTextual()) {
                            return List.of(new Frames.Error(id, "MALFORMED_FRAME", "image ids are strings"));
                        }
                        images.add(i.asText());
                    }
                }
                if (body.isEmpty() && images.isEmpty()) {
                    return List.of(new Frames.Error(id, "EMPTY_MESSAGE", "a message needs text or images"));
                }
                return chat.onMessage(buyer, conversationId, id, body, images, f -> send(connection, f));
            }
            case "confirm" -> {
                String actionId = frame.path("actionId").asText("");
                if (actionId.isBlank() || !frame.path("accept").isBoolean()) {
                    return List.of(new Frames.Error(id, "MALFORMED_FRAME", "confirm needs actionId and a boolean accept"));
                }
                return chat.onConfirm(buyer, conversationId, actionId, frame.path("accept").asBoolean());
            }
            case "rate" -> {
                JsonNode score = frame.path("score");
                if (!score.isInt() || score.asInt() < 1 || score.asInt() > 5) {
                    return List.of(new Frames.Error(id, "MALFORMED_FRAME", "score must be an integer from 1 to 5"));
                }
                chat.rate(buyer, conversationId, score.asInt());
                return List.of();
            }
            case "end" -> {
                chat.end(buyer, conversationId);
                connection.closeAndAwait();
                return List.of();
            }
            default -> {
                return List.of(new Frames.Error(id, "UNKNOWN_FRAME", "unknown frame type"));
            }
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String conversationId = connection.userData().get(io.quarkus.websockets.next.UserData.TypedKey.forString(CONVERSATION));
        if (conversationId != null) {
            sockets.remove(FrameBus.buyer(conversationId), connection);
        }
    }

    private static void send(WebSocketConnection connection, Object frame) {
        LocalSockets.send(connection, Json.write(frame));
    }
}
