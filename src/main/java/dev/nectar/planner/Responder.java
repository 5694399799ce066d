package dev.nectar.planner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import dev.nectar.tools.ToolResult;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reply templates from {@code prompts/replies.json}: a key maps to one template or a list of variants, with
 * {@code {name}} placeholders filled from facts. Facts come from tools; a template never invents one, and a
 * placeholder without a fact renders empty.
 */
@Startup
@ApplicationScoped
public class Responder {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");
    private final Map<String, List<String>> templates = new HashMap<>();

    @Inject
    public Responder(NectarConfig config) {
        this(Path.of(config.promptsDir(), "replies.json"));
    }

    public Responder(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reply templates " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            List<String> variants = e.getValue().isArray()
                    ? Json.MAPPER.convertValue(e.getValue(), Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class))
                    : List.of(e.getValue().asText());
            if (variants.isEmpty() || variants.stream().anyMatch(String::isBlank)) {
                throw new IllegalStateException("reply template " + e.getKey() + " in " + file + " is empty");
            }
            templates.put(e.getKey(), variants);
        }
    }

    public boolean has(String key) {
        return templates.containsKey(key);
    }

    /** Renders a template; an unknown key is a programming error caught by the tests. */
    public String render(String key, Map<String, ?> facts) {
        List<String> variants = templates.get(key);
        if (variants == null) {
            throw new IllegalArgumentException("no reply template " + key);
        }
        String template = variants.size() == 1 ? variants.get(0) : variants.get(ThreadLocalRandom.current().nextInt(variants.size()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = facts.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(format(v)));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").trim();
    }

    public String render(String key) {
        return render(key, Map.of());
    }

    /** The default reply for a tool result: its own template, or the tool's generic one. */
    public String render(ToolResult result) {
        String key = has(result.templateKey()) ? result.templateKey() : (result.ok() ? "tool.ok" : "tool.failed");
        return render(key, result.facts());
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            return b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }
}
