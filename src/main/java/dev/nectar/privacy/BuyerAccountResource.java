package dev.nectar.privacy;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.Check;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A merchant's actions on one buyer's account: {@code /api/merchants/{m}/buyers/{buyerId}/...}. */
@Path("/api/merchants/{m}/buyers")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerAccountResource {
    private final Authenticator auth;
    private final BuyerAccounts accounts;

    public BuyerAccountResource(Authenticator auth, BuyerAccounts accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    /** Every token issued to the buyer before now stops working, and the buyer's open sockets are closed. */
    @POST
    @Path("{buyerId}/revoke-tokens")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revokeTokens(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 @PathParam("buyerId") String buyerId) {
        auth.requireMerchant(authorization, m);
        accounts.revokeTokens(m, Check.id(buyerId, "buyerId"));
        return Response.noContent().build();
    }

    /** Erases the buyer ({@link BuyerAccounts#erase}); 404 for a buyer the merchant holds nothing of. */
    @DELETE
    @Path("{buyerId}")
    @APIResponse(responseCode = "204", description = "erased")
    public Response erase(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                          @PathParam("buyerId") String buyerId) {
        auth.requireMerchant(authorization, m);
        accounts.erase(m, Check.id(buyerId, "buyerId"));
        return Response.noContent().build();
    }
}
