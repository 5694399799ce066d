package dev.nectar.merchant;

import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/merchants/{m}/api-keys}: a new API key; the previous one keeps working for {@code graceSeconds}. */
@Path("/api/merchants/{m}/api-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    static final int MAX_GRACE_SECONDS = 30 * 86400;
    private final Authenticator auth;
    private final MerchantStore merchants;
    private final AuditLog audit;

    public ApiKeyResource(Authenticator auth, MerchantStore merchants, AuditLog audit) {
        this.auth = auth;
        this.merchants = merchants;
        this.audit = audit;
    }

    public record RotateRequest(Integer graceSeconds) {
    }

    public record NewApiKey(String apiKey) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "the new key", content = @Content(schema = @Schema(implementation = NewApiKey.class)))
    public Response rotate(@HeaderParam("Authorization") String authorization, @PathParam("m") String m, RotateRequest body) {
        auth.requireMerchant(authorization, m);
        int grace = body == null || body.graceSeconds() == null ? 0
                : Check.range(body.graceSeconds(), "graceSeconds", 0, MAX_GRACE_SECONDS);
        String key = merchants.rotateApiKey(m, Duration.ofSeconds(grace));
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.API_KEY_ROTATED, m, Map.of("graceSeconds", grace));
        return Response.status(201).entity(new NewApiKey(key)).build();
    }
}
