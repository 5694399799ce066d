package dev.nectar.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

@Path("/api/merchants/{m}/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
    private final Authenticator auth;
    private final ConversationStore conversations;
    private final HandoffView handoffs;

    public ConversationResource(Authenticator auth, ConversationStore conversations, HandoffView handoffs) {
        this.auth = auth;
        this.conversations = conversations;
        this.handoffs = handoffs;
    }

    public record Summary(String conversationId, String buyerId, ConversationStatus status, Instant createdAt,
                          Instant updatedAt, Integer rating) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String conversationId, String buyerId, ConversationStatus status, Instant createdAt,
                         Integer rating, List<Turn> turns, Object handoff) {
    }

    @GET
    public List<Summary> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                              @QueryParam("buyerId") String buyerId) {
        auth.requireMerchant(authorization, m);
        return conversations.list(m, buyerId == null || buyerId.isBlank() ? null : buyerId).stream()
                .map(c -> new Summary(c.conversationId(), c.buyerId(), c.status(), c.createdAt(), c.updatedAt(), c.rating()))
                .toList();
    }

    @GET
    @Path("/{conversationId}")
    public Detail get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                      @PathParam("conversationId") String conversationId) {
        auth.requireMerchant(authorization, m);
        Conversation c = conversations.find(m, conversationId).orElseThrow(() -> ApiException.notFound("conversation"));
        return new Detail(c.conversationId(), c.buyerId(), c.status(), c.createdAt(), c.rating(),
                conversations.turns(conversationId), c.handoffId() == null ? null : handoffs.view(m, c.handoffId()));
    }

    /** The handoff of a conversation as merchants see it; implemented by the handoff feature. */
    public interface HandoffView {
        Object view(String merchantId, String handoffId);
    }
}
