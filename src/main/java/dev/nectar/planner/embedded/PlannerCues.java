package dev.nectar.planner.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded planner's own cue lists, from {@code prompts/planner.json}: inputs of its decision model, and the
 * questions about dispatch that point at an order not yet shipped.
 */
@ApplicationScoped
public class PlannerCues {
    private final List<String> personal = new ArrayList<>();
    private final List<String> question = new ArrayList<>();
    private final List<String> purchase = new ArrayList<>();
    private final List<String> dispatch = new ArrayList<>();

    @Inject
    public PlannerCues(NectarConfig config) {
        this(Path.of(config.promptsDir(), "planner.json"));
    }

    public PlannerCues(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        root.path("personal").forEach(n -> personal.add(n.asText().toLowerCase()));
        root.path("question").forEach(n -> question.add(n.asText().toLowerCase()));
        root.path("purchase").forEach(n -> purchase.add(n.asText().toLowerCase()));
        root.path("dispatch").forEach(n -> dispatch.add(n.asText().toLowerCase()));
    }

    /** The buyer speaks of something of their own (我的快递, 收到的...). */
    public boolean personal(String normalized) {
        return personal.stream().anyMatch(normalized::contains);
    }

    /** The buyer wants to buy or be advised what to buy (推荐, 想买, 哪款, 预算...). */
    public boolean purchase(String normalized) {
        return purchase.stream().anyMatch(normalized::contains);
    }

    /** The buyer asks when, or whether, their order leaves the warehouse (什么时候发货, 发货了吗, shipped yet). */
    public boolean dispatch(String normalized) {
        return dispatch.stream().anyMatch(normalized::contains);
    }

    /** The message asks a question rather than requests an action. */
    public boolean question(String normalized) {
        return question.stream().anyMatch(normalized::contains);
    }
}
