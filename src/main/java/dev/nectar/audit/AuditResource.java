package dev.nectar.audit;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Window;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/merchants/{m}/audit?from=&to=&action=}: the merchant's audit log, oldest first (last 7 days by default). */
@Path("/api/merchants/{m}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    static final int MAX_ENTRIES = 5000;
    private final Authenticator auth;
    private final AuditLog log;

    public AuditResource(Authenticator auth, AuditLog log) {
        this.auth = auth;
        this.log = log;
    }

    @GET
    public List<AuditEntry> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("action") String action) {
        auth.requireMerchant(authorization, m);
        Window w = Window.parse(from, to);
        return log.list(m, w.from(), w.to(), action(action), MAX_ENTRIES);
    }

    private static Optional<AuditAction> action(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("action", "action must be one of " + Arrays.toString(AuditAction.values()))));
    }
}
