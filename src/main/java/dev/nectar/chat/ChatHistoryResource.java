package dev.nectar.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.Turn;
import dev.nectar.merchant.Authenticator;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * What the buyer's own chat window shows again after a reload that resumed the conversation: what the buyer, the
 * bot and the agent said. Tool calls and system notes (an agent's closing note) are for the merchant only.
 */
@Path("/api/chat/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ChatHistoryResource {
    private final Authenticator auth;
    private final ConversationStore conversations;

    public ChatHistoryResource(Authenticator auth, ConversationStore conversations) {
        this.auth = auth;
        this.conversations = conversations;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BuyerTurn(Turn.Role role, String text, Instant at, List<String> images) {
    }

    public record History(String conversationId, ConversationStatus status, Integer rating, List<BuyerTurn> turns) {
    }

    /** 404 for a conversation of another buyer, as for an unknown one. */
    @GET
    @Path("/{conversationId}")
    public History history(@HeaderParam("Authorization") String authorization,
                           @PathParam("conversationId") String conversationId) {
        BuyerIdentity buyer = auth.requireBuyer(authorization);
        Conversation c = conversations.find(buyer.merchantId(), conversationId)
                .filter(conv -> conv.buyerId().equals(buyer.buyerId()))
                .orElseThrow(() -> ApiException.notFound("conversation"));
        List<BuyerTurn> turns = conversations.turns(conversationId).stream()
                .filter(t -> t.role() != Turn.Role.SYSTEM)
                .map(t -> new BuyerTurn(t.role(), t.text(), t.at(), t.images()))
                .toList();
        return new History(c.conversationId(), c.status(), c.rating(), turns);
    }
}
