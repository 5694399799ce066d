package dev.nectar.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** The one place where exceptions become the contract's error body; nothing internal leaks to a client. */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    public static Response toResponse(ApiException e) {
        return respond(e.status(), ErrorBody.of(e.code(), e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        // a syntax error met while binding a record arrives wrapped in a mapping error: it is malformed JSON all the same
        if (e instanceof JsonMappingException m && !(m.getCause() instanceof StreamReadException)) {
            String field = m.getPath().isEmpty() ? "body" : m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(400, ErrorBody.of("INVALID_FIELD", "wrong type or format for " + field, field));
        }
        return respond(400, ErrorBody.of("MALFORMED_JSON", "the body is not valid JSON", null));
    }

    /** Overrides Quarkus' own mapper for this subtype, which answers in another format. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return json(e);
    }

    /**
     * A key given twice for a record's property arrives as a definition error (found by InputFuzzTest); Quarkus' own
     * mapper would answer 500 with another format.
     */
    @ServerExceptionMapper
    public Response invalidDefinitionJson(InvalidDefinitionException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // the JSON reader wraps syntax errors in a plain 400
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_TYPE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        String message = status >= 500 ? "internal error" : Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase() : "request refused";
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return respond(status, ErrorBody.of(code, message, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return respond(500, ErrorBody.of("INTERNAL", "internal error", null));
    }

    private static Response respond(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
