package dev.nectar.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.chat.QueryParams;
import dev.nectar.merchant.Authenticator;
import dev.nectar.merchant.CredentialThrottle;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Json;
import dev.nectar.platform.bus.FrameBus;
import dev.nectar.platform.bus.LocalSockets;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.Optional;

/**
 * {@code /ws/agent?token=<agent token>}: the human agent's console. Parses and checks frames and hands them to
 * {@link AgentDesk}; a bad frame or a refused action gets an error frame and the socket stays open.
 */
@WebSocket(path = "/ws/agent")
public class AgentSocket {
    static final int MAX_FRAME_CHARS = 32 * 1024;
    static final int MAX_TEXT_CHARS = 2000;
    static final int MAX_NOTE_CHARS = 1000;
    private static final UserData.TypedKey<String> AGENT = UserData.TypedKey.forString("agent");

    private final Authenticator auth;
    private final AgentDesk desk;
    private final LocalSockets sockets;

    private final CredentialThrottle throttle;

    public AgentSocket(Authenticator auth, AgentDesk desk, LocalSockets sockets, CredentialThrottle throttle) {
        this.auth = auth;
        this.throttle = throttle;
        this.desk = desk;
        this.sockets = sockets;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Optional<Agent> agent = auth.agent(QueryParams.get(connection.handshakeRequest().query(), "token"));
        if (agent.isEmpty()) {
            throttle.refused(connection);
            send(connection, new AgentFrames.Error("UNAUTHORIZED", "missing or invalid agent token"));
            connection.closeAndAwait(new CloseReason(1008, "unauthorized"));
            return;
        }
        Agent a = agent.get();
        connection.userData().put(AGENT, Json.write(a));
        sockets.add(FrameBus.agent(a.merchantId(), a.agentId()), connection);
        send(connection, desk.connected(a, connection.id()));
        desk.resume(a);
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String raw) {
        String agentJson = connection.userData().get(AGENT);
        if (agentJson == null) {
            return;
        }
        Agent agent = Json.read(agentJson, Agent.class);
        Object reply;
        try {
            reply = handle(agent, raw);
        } catch (ApiException e) {
            reply = new AgentFrames.Error(e.code(), e.getMessage());
        }
        if (reply != null) {
            send(connection, reply);
        }
    }

    private Object handle(Agent agent, String raw) {
        if (raw.length() > MAX_FRAME_CHARS) {
            throw malformed("FRAME_TOO_LARGE", "frames are limited to " + MAX_FRAME_CHARS + " characters");
        }
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            throw malformed("MALFORMED_FRAME", "the frame is not valid JSON");
        }
        if (frame == null || !frame.isObject()) {
            throw malformed("MALFORMED_FRAME", "a frame is a JSON object with a type");
        }
        switch (frame.path("type").asText("")) {
            case "status" -> {
                if (!frame.path("available").isBoolean()) {
                    throw malformed("MALFORMED_FRAME", "status needs a boolean available");
                }
                return desk.setAvailable(agent, frame.path("available").asBoolean());
            }
            case "message" -> {
                desk.message(agent, conversationId(frame), text(frame.path("text"), "text", MAX_TEXT_CHARS, true));
                return null;
            }
            case "resolve" -> {
                String conversationId = conversationId(frame);
                String note = text(frame.path("note"), "note", MAX_NOTE_CHARS, false);
                JsonNode knowledge = frame.path("knowledge");
                String question = null;
                String answer = null;
                if (!knowledge.isMissingNode() && !knowledge.isNull()) {
                    if (!knowledge.isObject()) {
                        throw malformed("MALFORMED_FRAME", "knowledge must be an object with question and answer");
                    }
                    question = text(knowledge.path("question"), "knowledge.question", KnowledgeSuggestions.MAX_QUESTION, true);
                    answer = text(knowledge.path("answer"), "knowledge.answer", KnowledgeSuggestions.MAX_ANSWER, true);
                }
                return desk.resolve(agent, conversationId, note, question, answer);
            }
            default -> throw malformed("UNKNOWN_FRAME", "unknown frame type");
        }
    }

    private static String conversationId(JsonNode frame) {
        JsonNode id = frame.path("conversationId");
        if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 64) {
            throw malformed("MALFORMED_FRAME", "a conversationId is required");
        }
        return id.asText();
    }

    /** A string field: required ones must be non-blank; all are stripped and limited in length. */
    private static String text(JsonNode node, String field, int max, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw malformed("MALFORMED_FRAME", field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw malformed("MALFORMED_FRAME", field + " must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            throw malformed("TOO_LONG", field + " is limited to " + max + " characters");
        }
        if (value.isEmpty() && required) {
            throw malformed("EMPTY_MESSAGE", field + " must not be empty");
        }
        return value.isEmpty() ? null : value;
    }

    private static ApiException malformed(String code, String message) {
        return ApiException.badRequest(code, message, null);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String agentJson = connection.userData().get(AGENT);
        if (agentJson != null) {
            Agent agent = Json.read(agentJson, Agent.class);
            sockets.remove(FrameBus.agent(agent.merchantId(), agent.agentId()), connection);
            desk.disconnected(agent, connection.id());
        }
    }

    private static void send(WebSocketConnection connection, Object frame) {
        LocalSockets.send(connection, Json.write(frame));
    }
}
