package dev.nectar.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tool manifests of {@code tools/}, read and validated once at start-up: a missing, unknown or malformed manifest
 * stops the server with a message naming the file and the problem.
 */
@Startup
@ApplicationScoped
public class ToolManifests {
    /** The tools of the contract; each needs exactly one manifest. */
    public static final Set<String> CONTRACT_TOOLS = Set.of(ToolNames.ORDER_LOOKUP, ToolNames.LOGISTICS_TRACKING,
            ToolNames.AFTER_SALE_REQUEST, ToolNames.CANCEL_ORDER, ToolNames.IMAGE_VERIFICATION,
            ToolNames.PRODUCT_RECOMMENDATION, ToolNames.KNOWLEDGE_SEARCH, ToolNames.HANDOFF_TO_HUMAN);

    private final Map<String, ToolManifest> byName;

    @Inject
    public ToolManifests(NectarConfig config) {
        this(Path.of(config.toolsDir()));
    }

    public ToolManifests(Path dir) {
        this.byName = load(dir);
    }

    public ToolManifest get(String name) {
        ToolManifest m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no tool " + name);
        }
        return m;
    }

    public Collection<ToolManifest> all() {
        return byName.values();
    }

    static Map<String, ToolManifest> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("tool manifests folder not found: " + dir.toAbsolutePath()
                    + " (run from the repository root or set NECTAR_TOOLS_DIR)");
        }
        Map<String, ToolManifest> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ToolManifest m = parse(file);
                out.put(m.name(), m);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<String> missing = CONTRACT_TOOLS.stream().filter(n -> !out.containsKey(n)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("tool manifests missing in " + dir.toAbsolutePath() + ": " + missing);
        }
        return Map.copyOf(out);
    }

    static ToolManifest parse(Path file) {
        String where = "tool manifest " + file.getFileName() + ": ";
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(where + "not valid JSON (" + e.getMessage() + ")", e);
        }
        String name = root.path("name").asText("");
        if (!CONTRACT_TOOLS.contains(name)) {
            throw new IllegalStateException(where + "name '" + name + "' is not one of " + CONTRACT_TOOLS);
        }
        if (!file.getFileName().toString().equals(name + ".json")) {
            throw new IllegalStateException(where + "must be named " + name + ".json");
        }
        String description = root.path("description").asText("");
        if (description.isBlank()) {
            throw new IllegalStateException(where + "description is required");
        }
        JsonNode params = root.path("parameters");
        if (!"object".equals(params.path("type").asText()) || !params.path("properties").isObject()) {
            throw new IllegalStateException(where + "parameters must be a JSON schema of type object with properties");
        }
        for (JsonNode req : params.path("required")) {
            if (!params.path("properties").has(req.asText())) {
                throw new IllegalStateException(where + "required parameter '" + req.asText() + "' is not among the properties");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().has("type")) {
                throw new IllegalStateException(where + "parameter '" + p.getKey() + "' has no type");
            }
        }
        if (!root.path("confirmation").isBoolean() || !root.path("writes").isBoolean()) {
            throw new IllegalStateException(where + "confirmation and writes must be true or false");
        }
        if (root.path("writes").asBoolean() && !root.path("confirmation").asBoolean()) {
            throw new IllegalStateException(where + "a tool that writes must require confirmation");
        }
        List<String> examples = new ArrayList<>();
        root.path("examples").forEach(e -> examples.add(e.asText()));
        if (examples.size() < 3 || examples.stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(where + "at least three non-empty examples are required");
        }
        Map<String, Double> cues = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("cues").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            if (!c.getValue().isNumber() || c.getKey().isBlank()) {
                throw new IllegalStateException(where + "cue '" + c.getKey() + "' needs a numeric weight");
            }
            cues.put(c.getKey().toLowerCase(), c.getValue().asDouble());
        }
        return new ToolManifest(name, description, params, root.path("confirmation").asBoolean(),
                root.path("writes").asBoolean(), List.copyOf(examples), Map.copyOf(cues));
    }
}
