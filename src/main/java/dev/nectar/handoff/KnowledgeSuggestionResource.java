package dev.nectar.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Json;
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
import java.util.Map;

/** Review of what agents proposed; approve and reject take an optional JSON body, so a bare POST works too. */
@Consumes(MediaType.WILDCARD)
@Path("/api/merchants/{m}/knowledge-suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeSuggestionResource {
    private final Authenticator auth;
    private final KnowledgeSuggestionStore store;
    private final KnowledgeSuggestions suggestions;
    private final AuditLog audit;

    public KnowledgeSuggestionResource(Authenticator auth, KnowledgeSuggestionStore store, KnowledgeSuggestions suggestions,
                                       AuditLog audit) {
        this.auth = auth;
        this.audit = audit;
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
                                       @PathParam("id") String id, String raw) {
        auth.requireMerchant(authorization, m);
        Approval body = optionalBody(raw, Approval.class);
        KnowledgeSuggestion approved = suggestions.approve(m, id, body == null ? null : body.question(), body == null ? null : body.answer());
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.KNOWLEDGE_CHANGED, id, Map.of("change", "SUGGESTION_APPROVED"));
        return approved;
    }

    @POST
    @Path("/{id}/reject")
    public KnowledgeSuggestion reject(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                      @PathParam("id") String id, String raw) {
        auth.requireMerchant(authorization, m);
        Rejection body = optionalBody(raw, Rejection.class);
        return suggestions.reject(m, id, body == null ? null : body.note());
    }

    /** The body as JSON, whatever content type a bare POST carried; null when there is none. */
    private static <T> T optionalBody(String raw, Class<T> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(raw, type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "the body is not valid JSON for this request", null);
        }
    }
}
