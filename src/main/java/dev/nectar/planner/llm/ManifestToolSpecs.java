package dev.nectar.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.nectar.tools.ToolManifest;
import dev.nectar.tools.ToolNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool specifications the model sees, built from the {@code tools/} manifests so that both planners share one
 * description of each tool. Bounds the LangChain4j schema cannot carry (minimum, maxLength ...) go into the
 * property's description; the engine enforces them anyway.
 */
public final class ManifestToolSpecs {
    /**
     * Photos are verified by the engine when they are evidence in a claim; letting the model judge a photo on its own
     * would only invite a verdict it cannot ground, so the model passes image ids to after_sale_request instead.
     */
    static final Set<String> HIDDEN = Set.of(ToolNames.IMAGE_VERIFICATION);

    private ManifestToolSpecs() {
    }

    public static List<ToolSpecification> from(Collection<ToolManifest> manifests) {
        return manifests.stream()
                .filter(m -> !HIDDEN.contains(m.name()))
                .sorted(Comparator.comparing(ToolManifest::name))
                .map(ManifestToolSpecs::spec)
                .toList();
    }

    static ToolSpecification spec(ToolManifest m) {
        return ToolSpecification.builder().name(m.name()).description(m.description())
                .parameters(object(m.parameters())).build();
    }

    private static JsonObjectSchema object(JsonNode schema) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        if (schema.hasNonNull("description")) {
            b.description(schema.path("description").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            b.addProperty(p.getKey(), element(p.getValue()));
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
            b.required(required);
        }
        if (schema.path("additionalProperties").isBoolean()) {
            b.additionalProperties(schema.path("additionalProperties").asBoolean());
        }
        return b.build();
    }

    private static JsonSchemaElement element(JsonNode p) {
        String description = description(p);
        if (p.has("enum")) {
            List<String> values = new ArrayList<>();
            p.path("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        return switch (p.path("type").asText()) {
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(p.has("items") ? element(p.path("items")) : JsonStringSchema.builder().build()).build();
            case "object" -> object(p);
            default -> JsonStringSchema.builder().description(description).build();
        };
    }

    /** The manifest's description plus the bounds the engine will check, so the model can respect them. */
    private static String description(JsonNode p) {
        List<String> parts = new ArrayList<>();
        if (p.hasNonNull("description")) {
            parts.add(p.path("description").asText());
        }
        if (p.has("minimum") && p.has("maximum")) {
            parts.add("range " + p.path("minimum").asText() + "-" + p.path("maximum").asText());
        } else if (p.has("minimum")) {
            parts.add(">= " + p.path("minimum").asText());
        } else if (p.has("maximum")) {
            parts.add("<= " + p.path("maximum").asText());
        }
        if (p.has("maxLength")) {
            parts.add("at most " + p.path("maxLength").asText() + " characters");
        }
        if (p.has("maxItems")) {
            parts.add("at most " + p.path("maxItems").asText() + " items");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
