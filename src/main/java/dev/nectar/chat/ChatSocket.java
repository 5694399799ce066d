package dev.nectar.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.merchant.Authenticator;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.merchant.CredentialThrottle;
import dev.nectar.platform.Json;
import dev.nectar.platform.bus.FrameBus;
import dev.nectar.platform.bus.LocalSockets;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /ws/chat?token=<buyer token>}: parses and checks frames, hands them to {@link ChatService}, and sends
 * what it answers. A bad frame gets an error frame, and so does a message whose handling failed: the socket stays
 * open. Frames over {@link #MAX_FRAME_BYTES} never reach this class: the server closes the socket with 1009.
 */
@WebSocket(path = "/ws/chat")
public class ChatSocket {
    static final int MAX_FRAME_CHARS = 16 * 1024;
    /** quarkus.websockets-next.server.max-message-size and max-frame-size in application.properties. */
    static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_IMAGES = 9;
    static final String BUYER = "buyer";
    private static final String CONVERSATION = "conversation";

    private final Authenticator auth;
    private final ChatService chat;
    private final LocalSockets sockets;
    private final RateLimiter rateLimiter;
    private final CredentialThrottle throttle;

    public ChatSocket(Authenticator auth, ChatService chat, LocalSockets sockets, RateLimiter rateLimiter,
                      CredentialThrottle throttle) {
        this.throttle = throttle;
        this.auth = auth;
        this.chat = chat;
        this.sockets = sockets;
        this.rateLimiter = rateLimiter;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Optional<BuyerIdentity> buyer = auth.buyer(QueryParams.get(connection.handshakeRequest().query(), "token"));
        if (buyer.isEmpty()) {
            throttle.refused(connection);
            send(connection, new Frames.Error(null, "UNAUTHORIZED", "missing, invalid or expired buyer token"));
            connection.closeAndAwait(new CloseReason(1008, "unauthorized"));
            return;
        }
        Frames.Session session;
        try {
            session = chat.open(buyer.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "chat session of merchant %s could not open", buyer.get().merchantId());
            send(connection, new Frames.Error(null, "UNAVAILABLE", "客服暂时无法接入，请稍后重新连接"));
            connection.closeAndAwait(new CloseReason(1011, "unavailable"));
            return;
        }
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
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            return List.of(new Frames.Error(null, raw.length() > MAX_FRAME_CHARS ? "FRAME_TOO_LARGE" : "MALFORMED_FRAME",
                    "the frame is not valid JSON"));
        }
        if (frame == null || !frame.isObject()) {
            return List.of(new Frames.Error(null, "MALFORMED_FRAME", "a frame is a JSON object with a type"));
        }
        String id = frame.path("id").isTextual() ? frame.path("id").asText() : null;
        if (raw.length() > MAX_FRAME_CHARS) {
            return List.of(new Frames.Error(id, "FRAME_TOO_LARGE", "frames are limited to " + MAX_FRAME_CHARS + " characters"));
        }
        if (!rateLimiter.tryAcquire(buyer.merchantId() + ":" + buyer.buyerId())) {
            return List.of(new Frames.Error(id, "RATE_LIMITED", "too many messages, please slow down"));
        }
        try {
            return dispatch(buyer, conversationId, connection, frame, id);
        } catch (RuntimeException e) {
            // logged once here, with no frame content: the buyer's words may hold personal data
            LOG.errorf(e, "chat frame %s of conversation %s failed", id, conversationId);
            return List.of(new Frames.Error(id, "INTERNAL_ERROR", "抱歉，这条消息暂时没能处理，请稍后再发一次"));
        }
    }

    private List<Object> dispatch(BuyerIdentity buyer, String conversationId, WebSocketConnection connection,
                                  JsonNode frame, String id) {
        switch (frame.path("type").asText("")) {
            case "message" -> {
                if (id == null || id.isBlank() || id.length() > 100) {
                    return List.of(new Frames.Error(null, "MALFORMED_FRAME", "a message needs a string id"));
                }
                JsonNode text = frame.path("text");
                if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
                    return List.of(new Frames.Error(id, "MALFORMED_FRAME", "text must be a string"));
                }
                String body = TextSanitizer.clean(text.asText(""));
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

    /**
     * What escaped the handlers: a message over the limit (Vert.x reports it only as an IllegalStateException naming
     * the max message size) closes with 1009 and a reason; anything else is logged once and the socket stays open.
     */
    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
            connection.closeAndAwait(new CloseReason(1009, "frames are limited to " + MAX_FRAME_BYTES + " bytes"));
            return;
        }
        LOG.errorf(failure, "chat socket failure");
        send(connection, new Frames.Error(null, "INTERNAL_ERROR", "抱歉，刚才的消息没能处理，请稍后再发一次"));
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
