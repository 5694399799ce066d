package dev.nectar.merchant;

import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.platform.Check;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Map;

/** A merchant's actions on one buyer's account: {@code /api/merchants/{m}/buyers/{buyerId}/...}. */
@Path("/api/merchants/{m}/buyers")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerAccountResource {
    private final Authenticator auth;
    private final MerchantStore merchants;
    private final AuditLog audit;
    private final Event<BuyerTokensRevoked> revoked;

    public BuyerAccountResource(Authenticator auth, MerchantStore merchants, AuditLog audit, Event<BuyerTokensRevoked> revoked) {
        this.auth = auth;
        this.merchants = merchants;
        this.audit = audit;
        this.revoked = revoked;
    }

    /** Every token issued to the buyer before now stops working, and the buyer's open sockets are closed. */
    @POST
    @Path("{buyerId}/revoke-tokens")
    public Response revokeTokens(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 @PathParam("buyerId") String buyerId) {
        auth.requireMerchant(authorization, m);
        revoke(m, Check.id(buyerId, "buyerId"));
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.TOKENS_REVOKED, buyerId, Map.of());
        return Response.noContent().build();
    }

    private void revoke(String m, String buyerId) {
        merchants.revokeBuyerTokens(m, buyerId, Instant.now());
        revoked.fire(new BuyerTokensRevoked(m, buyerId));
    }
}
