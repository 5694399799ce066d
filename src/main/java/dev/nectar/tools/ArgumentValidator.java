package dev.nectar.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks tool arguments against the JSON-schema subset the manifests use (object, string, number, integer,
 * boolean, array; enum, required, additionalProperties, maxLength, minimum, maximum, maxItems). Planner output is
 * untrusted input: a violation is reported, never executed.
 */
public final class ArgumentValidator {
    private ArgumentValidator() {
    }

    /** @return the first problem found, or empty when the arguments conform */
    public static Optional<String> problem(JsonNode schema, Map<String, Object> args) {
        JsonNode props = schema.path("properties");
        for (JsonNode req : schema.path("required")) {
            Object v = args.get(req.asText());
            if (v == null || (v instanceof String s && s.isBlank())) {
                return Optional.of("missing " + req.asText());
            }
        }
        for (Map.Entry<String, Object> e : args.entrySet()) {
            JsonNode p = props.get(e.getKey());
            if (p == null) {
                if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    return Optional.of("unknown argument " + e.getKey());
                }
                continue;
            }
            Optional<String> bad = check(e.getKey(), p, e.getValue());
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(String name, JsonNode p, Object v) {
        if (v == null) {
            return Optional.empty();
        }
        String type = p.path("type").asText();
        boolean typeOk = switch (type) {
            case "string" -> v instanceof String;
            case "number" -> v instanceof Number;
            case "integer" -> v instanceof Integer || v instanceof Long
                    || (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()));
            case "boolean" -> v instanceof Boolean;
            case "array" -> v instanceof Collection<?>;
            case "object" -> v instanceof Map<?, ?>;
            default -> true;
        };
        if (!typeOk) {
            return Optional.of(name + " must be a " + type);
        }
        if (p.has("enum")) {
            boolean found = false;
            for (Iterator<JsonNode> it = p.path("enum").elements(); it.hasNext(); ) {
                if (it.next().asText().equals(String.valueOf(v))) {
                    found = true;
                }
            }
            if (!found) {
                return Optional.of(name + " must be one of " + p.path("enum"));
            }
        }
        if (v instanceof String s && p.has("maxLength") && s.length() > p.path("maxLength").asInt()) {
            return Optional.of(name + " is too long");
        }
        if (v instanceof Number n) {
            if (p.has("minimum") && n.doubleValue() < p.path("minimum").asDouble()) {
                return Optional.of(name + " is below " + p.path("minimum").asText());
            }
            if (p.has("maximum") && n.doubleValue() > p.path("maximum").asDouble()) {
                return Optional.of(name + " is above " + p.path("maximum").asText());
            }
        }
        if (v instanceof Collection<?> c) {
            if (p.has("maxItems") && c.size() > p.path("maxItems").asInt()) {
                return Optional.of(name + " has too many items");
            }
            JsonNode items = p.path("items");
            for (Object item : c) {
                Optional<String> bad = check(name + "[]", items, item);
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }
}
