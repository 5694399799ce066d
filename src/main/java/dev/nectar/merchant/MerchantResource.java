package dev.nectar.merchant;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.Secrets;
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

@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MerchantResource {
    private static final int MIN_TTL = 60;
    private static final int MAX_TTL = 30 * 86400;

    private final Authenticator auth;
    private final MerchantStore merchants;
    private final BuyerTokens buyerTokens;

    public MerchantResource(Authenticator auth, MerchantStore merchants, BuyerTokens buyerTokens) {
        this.auth = auth;
        this.merchants = merchants;
        this.buyerTokens = buyerTokens;
    }

    public record CreateMerchant(String merchantId, String name, String locale) {
    }

    public record CreatedMerchant(String merchantId, String apiKey) {
    }

    @POST
    @Path("/admin/merchants")
    public Response create(@HeaderParam("Authorization") String authorization, CreateMerchant body) {
        auth.requireAdmin(authorization);
        Check.present(body, "body");
        if (body.merchantId() == null || !Check.MERCHANT_ID.matcher(body.merchantId()).matches()) {
            throw ApiException.invalid("merchantId", "merchantId must be 3-40 characters of a-z, 0-9 and -");
        }
        String name = Check.text(body.name(), "name", 200);
        String locale = body.locale() == null ? "zh-CN" : Check.text(body.locale(), "locale", 20);
        String apiKey = Secrets.newToken("nk_");
        if (!merchants.create(new Merchant(body.merchantId(), name, locale, Instant.now()), Secrets.sha256(apiKey))) {
            throw ApiException.conflict("MERCHANT_EXISTS", "merchant " + body.merchantId() + " already exists");
        }
        return Response.status(201).entity(new CreatedMerchant(body.merchantId(), apiKey)).build();
    }

    public record BuyerTokenRequest(String buyerId, Integer ttlSeconds) {
    }

    public record BuyerToken(String token, OffsetDateTime expiresAt) {
    }

    @POST
    @Path("/merchants/{m}/buyer-tokens")
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
