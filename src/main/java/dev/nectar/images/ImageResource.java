package dev.nectar.images;

import dev.nectar.merchant.Authenticator;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.NectarConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Buyers upload photos from the chat; the verdicts are read by merchants through {@link VerificationResource}. */
@Path("/api/chat/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {
    private final Authenticator auth;
    private final EvidenceVerifier verifier;
    private final NectarConfig config;

    public ImageResource(Authenticator auth, EvidenceVerifier verifier, NectarConfig config) {
        this.auth = auth;
        this.verifier = verifier;
        this.config = config;
    }

    /** {@code format} is the lower-case name of the sniffed type: jpeg, png, webp or gif. */
    public record Uploaded(String imageId, String format, int width, int height) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "the stored photo", content = @Content(schema = @Schema(implementation = Uploaded.class)))
    public Response upload(@HeaderParam("Authorization") String authorization, @RestForm("file") FileUpload file) {
        BuyerIdentity buyer = auth.requireBuyer(authorization);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("file", "the multipart part \"file\" is required");
        }
        // the size is known from the upload before its bytes are read into memory
        if (file.size() > config.limits().maxImageBytes()) {
            throw ApiException.tooLarge("the image is larger than " + config.limits().maxImageBytes() + " bytes");
        }
        if (file.size() == 0) {
            throw ApiException.invalid("file", "the image is empty");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        StoredImage image = verifier.upload(buyer, bytes);
        return Response.status(201).entity(new Uploaded(image.imageId(), image.format().name().toLowerCase(Locale.ROOT),
                image.width(), image.height())).build();
    }
}
