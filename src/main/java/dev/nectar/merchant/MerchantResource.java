package dev.nectar.merchant;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The operator's endpoint: merchant accounts. */
@Path("/api/admin/merchants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MerchantResource {
    private final Authenticator auth;
    private final MerchantStore merchants;

    public MerchantResource(Authenticator auth, MerchantStore merchants) {
        this.auth = auth;
        this.merchants = merchants;
    }

    public record CreateMerchant(String merchantId, String name, String locale) {
    }

    public record CreatedMerchant(String merchantId, String apiKey) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "the merchant and its API key", content = @Content(schema = @Schema(implementation = CreatedMerchant.class)))
    public Response create(@HeaderParam("Authorization") String authorization, CreateMerchant body) {
        auth.requireAdmin(authorization);
        Check.present(body, "body");
        String merchantId = Check.merchantId(body.merchantId(), "merchantId");
        String name = Check.text(body.name(), "name", 200);
        String locale = body.locale() == null ? "zh-CN" : Check.text(body.locale(), "locale", 20);
        String apiKey = merchants.register(new Merchant(merchantId, name, locale, Instant.now()))
                .orElseThrow(() -> ApiException.conflict("MERCHANT_EXISTS", "merchant " + merchantId + " already exists"));
        return Response.status(201).entity(new CreatedMerchant(merchantId, apiKey)).build();
    }
}
