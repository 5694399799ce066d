package dev.nectar.merchant;

import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Buyer tokens for a merchant's logged-in buyers. Its own class path: JAX-RS picks the class with the most literal
 * path and never falls back, so a method under a shorter class path would be shadowed by {@code /api/merchants/{m}}.
 */
@Path("/api/merchants/{m}/buyer-tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BuyerTokenResource {
    private static final int MIN_TTL = 60;
    private static final int MAX_TTL = 30 * 86400;

    private final Authenticator auth;
    private final BuyerTokens buyerTokens;

    public BuyerTokenResource(Authenticator auth, BuyerTokens buyerTokens) {
        this.auth = auth;
        this.buyerTokens = buyerTokens;
    }

    public record BuyerTokenRequest(String buyerId, Integer ttlSeconds) {
    }

    public record BuyerToken(String token, OffsetDateTime expiresAt) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "the buyer token", content = @Content(schema = @Schema(implementation = BuyerToken.class)))
    public Response buyerToken(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                               BuyerTokenRequest body) {
        auth.requireMerchant(authorization, m);
        Check.present(body, "body");
        String buyerId = Check.id(body.buyerId(), "buyerId");
        int ttl = body.ttlSeconds() == null ? 86400 : Check.range(body.ttlSeconds(), "ttlSeconds", MIN_TTL, MAX_TTL);
        Instant expiresAt = Instant.now().plusSeconds(ttl);
        return Response.status(201)
                .entity(new BuyerToken(buyerTokens.issue(m, buyerId, expiresAt), expiresAt.atOffset(ZoneOffset.UTC)))
                .build();
    }
}
