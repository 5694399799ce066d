package dev.nectar.quality;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.Window;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/** The merchant's quality inspection (AI全量质检): inspected conversations by score, one record, dismissing a finding. */
@Path("/api/merchants/{m}/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {
    static final int MAX_NOTE = 500;

    private final Authenticator auth;
    private final QualityStore store;
    private final Inspector inspector;

    public QualityResource(Authenticator auth, QualityStore store, Inspector inspector) {
        this.auth = auth;
        this.store = store;
        this.inspector = inspector;
    }

    public record Dismiss(String note) {
    }

    /** Records inspected in the window, lowest score first; {@code minSeverity} keeps those with a finding that severe. */
    @GET
    public List<QualityRecord> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("agentId") String agentId, @QueryParam("minSeverity") String minSeverity) {
        auth.requireMerchant(authorization, m);
        Window w = Window.parse(from, to);
        Severity min = minSeverity == null || minSeverity.isBlank() ? null : Check.oneOf(minSeverity, Severity.class, "minSeverity");
        return store.list(m, w.from(), w.to(), agentId == null || agentId.isBlank() ? null : agentId).stream()
                .filter(r -> min == null || r.hasAtLeast(min)).toList();
    }

    @GET
    @Path("/conversations/{conversationId}")
    public QualityRecord get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                             @PathParam("conversationId") String conversationId) {
        auth.requireMerchant(authorization, m);
        return inspector.record(m, conversationId).orElseThrow(() -> ApiException.notFound("conversation"));
    }

    @POST
    @Path("/conversations/{conversationId}/findings/{index}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public QualityRecord dismiss(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 @PathParam("conversationId") String conversationId, @PathParam("index") int index,
                                 Dismiss body) {
        auth.requireMerchant(authorization, m);
        String note = Check.text(Check.present(body, "body").note(), "note", MAX_NOTE);
        inspector.record(m, conversationId).orElseThrow(() -> ApiException.notFound("conversation"));
        return store.update(m, conversationId, r -> {
            if (index < 0 || index >= r.findings().size()) {
                throw ApiException.notFound("finding");
            }
            if (!r.findings().get(index).counts()) {
                throw ApiException.conflict("ALREADY_DISMISSED", "this finding was dismissed before");
            }
            return r.dismiss(index, note, Instant.now());
        }).orElseThrow(() -> ApiException.conflict("NOT_INSPECTED",
                "the conversation is still going on; findings can be dismissed once it is inspected"));
    }
}
