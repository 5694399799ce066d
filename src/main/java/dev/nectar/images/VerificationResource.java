package dev.nectar.images;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** A buyer's photo and the latest verdict on it, for the merchant who received it. */
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

    /** The photo itself, in its own format; private, so no shared cache keeps it. */
    @GET
    @Path("/{imageId}")
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "the photo's bytes in its own format (image/jpeg, image/png, image/webp)",
            content = @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response image(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                          @PathParam("imageId") String imageId) {
        auth.requireMerchant(authorization, m);
        EvidenceVerifier.Photo photo = verifier.photo(m, imageId).orElseThrow(() -> ApiException.notFound("image " + imageId));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoStore(true);
        return Response.ok(photo.bytes(), photo.format().mediaType()).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
