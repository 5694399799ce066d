package dev.nectar.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Refuses oversize bodies from their declared length, before any byte is read, with the contract's 413 body.
 * JSON bodies may take 10 MB, knowledge uploads and images their configured limits plus multipart framing.
 * A body sent chunked, with no declared length, is read here up to the same limit (multipart bodies are left to
 * the upload handling, bounded by quarkus.http.limits.max-body-size); any 413 of the server gets the contract body.
 */
@ApplicationScoped
public class BodyLimits {
    static final long JSON_LIMIT = 10L * 1024 * 1024;
    private static final long MULTIPART_SLACK = 64 * 1024;
    private static final Pattern KNOWLEDGE = Pattern.compile("/api/merchants/[^/]+/knowledge/?");
    private static final String TOO_LARGE = Json.write(ErrorBody.of("TOO_LARGE", "the request body is too large", null));

    private final NectarConfig config;
    private final BodyHandler chunkedJson;

    public BodyLimits(NectarConfig config) {
        this.config = config;
        this.chunkedJson = BodyHandler.create(false).setBodyLimit(JSON_LIMIT);
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check).failureHandler(BodyLimits::tooLarge);
    }

    private static void tooLarge(RoutingContext rc) {
        if (rc.statusCode() == 413 && !rc.response().headWritten()) {
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").end(TOO_LARGE);
        } else {
            rc.next();
        }
    }

    private void check(RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared == null && rc.request().headers().contains("Transfer-Encoding", "chunked", true)
                && !String.valueOf(rc.request().getHeader("Content-Type")).startsWith("multipart/")) {
            chunkedJson.handle(rc);
            return;
        }
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limitFor(rc.normalizedPath())) {
                    rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").end(TOO_LARGE);
                    return;
                }
            } catch (NumberFormatException e) {
                rc.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(Json.write(ErrorBody.of("BAD_REQUEST", "invalid Content-Length", null)));
                return;
            }
        }
        rc.next();
    }

    private long limitFor(String path) {
        if (KNOWLEDGE.matcher(path).matches()) {
            return config.limits().maxKnowledgeBytes() + MULTIPART_SLACK;
        }
        if (path.startsWith("/api/chat/images")) {
            return config.limits().maxImageBytes() + MULTIPART_SLACK;
        }
        return JSON_LIMIT;
    }
}
