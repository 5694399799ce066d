package dev.nectar.knowledge;

import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.NectarConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A merchant's knowledge base: upload, list, inspect, delete documents, and try retrieval. */
@Path("/api/merchants/{m}/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {
    private static final int MAX_K = 20;
    private static final int MAX_QUERY_CHARS = 500;

    private final Authenticator auth;
    private final KnowledgeService service;
    private final KnowledgeRetriever retriever;
    private final NectarConfig config;
    private final AuditLog audit;

    public KnowledgeResource(Authenticator auth, KnowledgeService service, KnowledgeRetriever retriever, NectarConfig config,
                             AuditLog audit) {
        this.auth = auth;
        this.audit = audit;
        this.service = service;
        this.retriever = retriever;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "the document, READY or PROCESSING", content = @Content(schema = @Schema(implementation = KnowledgeDocument.class)))
    public Response upload(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                           @RestForm("file") FileUpload file, @RestForm("title") String title) {
        auth.requireMerchant(authorization, m);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("file", "a multipart part named file is required");
        }
        if (file.size() > config.limits().maxKnowledgeBytes()) {
            throw ApiException.tooLarge("a knowledge document may have at most " + config.limits().maxKnowledgeBytes() + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        KnowledgeDocument doc = service.upload(m, file.fileName(), title, bytes);
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.KNOWLEDGE_CHANGED, doc.docId(), Map.of("change", "ADDED"));
        return Response.status(201).entity(doc).build();
    }

    @GET
    public List<KnowledgeDocument> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return service.list(m);
    }

    @GET
    @Path("/{docId}")
    public KnowledgeDocument get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 @PathParam("docId") String docId) {
        auth.requireMerchant(authorization, m);
        return service.find(m, docId).orElseThrow(() -> ApiException.notFound("document " + docId));
    }

    @DELETE
    @Path("/{docId}")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                           @PathParam("docId") String docId) {
        auth.requireMerchant(authorization, m);
        if (!service.delete(m, docId)) {
            throw ApiException.notFound("document " + docId);
        }
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.KNOWLEDGE_CHANGED, docId, Map.of("change", "DELETED"));
        return Response.noContent().build();
    }

    public record SearchRequest(String query, Integer k) {
    }

    public record SearchResponse(List<KnowledgeHit> hits) {
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public SearchResponse search(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                 SearchRequest body) {
        auth.requireMerchant(authorization, m);
        Check.present(body, "body");
        String query = Check.text(body.query(), "query", MAX_QUERY_CHARS);
        int k = body.k() == null ? 5 : Check.range(body.k(), "k", 1, MAX_K);
        return new SearchResponse(retriever.search(m, query, k));
    }
}
