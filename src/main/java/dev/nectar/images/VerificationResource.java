package dev.nectar.images;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The latest verdict on a buyer's photo, for the merchant who received it. */
@Path("/api/merchants/{m}/images")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {
    private final Authenticator auth;
    private final EvidenceVerifier verifier;

    public VerificationResource(Authenticator auth, EvidenceVerifier verifier) {
        this.auth = auth;
        this.verifier = verifier;
    }

    @GET
    @Path("/{imageId}/verification")
    public Verification verification(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                     @PathParam("imageId") String imageId) {
        auth.requireMerchant(authorization, m);
        return verifier.latest(m, imageId).orElseThrow(() -> ApiException.notFound("image " + imageId));
    }
}
