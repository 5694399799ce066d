package dev.nectar.platform;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents the contract's error body ({@link ErrorBody}) on every API operation, with the statuses the one error
 * mapper, the authenticator and the body limits answer: what the resources do not declare themselves, since every
 * resource fails the same way.
 */
public class ContractErrorResponses implements OASFilter {
    private static final String SCHEMA = "ErrorBody";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, errorSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "INVALID_FIELD and other bad input; `field` names the field");
        errors.put("401", "no or an invalid credential");
        if (path.startsWith("/api/merchants/{m}")) {
            errors.put("403", "the credential is another merchant's");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && !"m".equals(p.getName()))) {
            errors.put("404", "no such resource of this merchant");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "TOO_LARGE: the body is over the limit");
        }
        errors.put("429", "too many requests or failed credentials; retry later");
        errors.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null || operation.getResponses().getAPIResponse(code).getContent() == null) {
                operation.getResponses().addAPIResponse(code, error(description));
            }
        });
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))));
    }

    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("SNAKE_CASE"))
                .addProperty("message", text)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the field at fault, when one is"))
                .required(List.of("code", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("error", error).required(List.of("error"))
                .description("The contract's error body: {\"error\":{\"code\",\"message\",\"field\"}}");
    }
}
