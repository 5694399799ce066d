package dev.nectar.handoff;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/merchants/{m}/knowledge-suggestions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeSuggestionResource {
    private final Authenticator auth;
    private final KnowledgeSuggestionStore store;
    private final KnowledgeSuggestions suggestions;

    public KnowledgeSuggestionResource(Authenticator auth, KnowledgeSuggestionStore store, KnowledgeSuggestions suggestions) {
        this.auth = auth;
        this.store = store;
        this.suggestions = suggestions;
    }

    /** Optional edits the merchant makes before approving. */
    public record Approval(String question, String answer) {
    }

    public record Rejection(String note) {
    }

    @GET
    public List<KnowledgeSuggestion> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                          @QueryParam("status") String status) {
        auth.requireMerchant(authorization, m);
        return store.list(m, status == null || status.isBlank() ? null : Check.oneOf(status, KnowledgeSuggestion.Status.class, "status"));
    }

    @POST
    @Path("/{id}/approve")
    public KnowledgeSuggestion approve(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                       @PathParam("id") String id, Approval body) {
        auth.requireMerchant(authorization, m);
        return suggestions.approve(m, id, body == null ? null : body.question(), body == null ? null : body.answer());
    }

    @POST
    @Path("/{id}/reject")
    public KnowledgeSuggestion reject(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                      @PathParam("id") String id, Rejection body) {
        auth.requireMerchant(authorization, m);
        return suggestions.reject(m, id, body == null ? null : body.note());
    }
}
