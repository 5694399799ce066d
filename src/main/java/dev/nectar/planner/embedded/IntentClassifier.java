package dev.nectar.planner.embedded;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.tools.ToolManifest;
import dev.nectar.tools.ToolManifests;
import dev.nectar.tools.ToolNames;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores how much a message asks for each tool, from two sources kept in the manifests: similarity of its embedding
 * to the tool's example utterances (mean of the best two) and the weights of the tool's cue words it contains.
 */
@Startup
@ApplicationScoped
public class IntentClassifier {
    /** Tools a buyer asks for directly; handoff and photo checks come from detectors and dialogue state instead. */
    static final Set<String> INTENTS = Set.of(ToolNames.ORDER_LOOKUP, ToolNames.LOGISTICS_TRACKING,
            ToolNames.AFTER_SALE_REQUEST, ToolNames.CANCEL_ORDER, ToolNames.PRODUCT_RECOMMENDATION,
            ToolNames.KNOWLEDGE_SEARCH);
    private static final int TOP = 2;
    /** How much one unit of cue weight counts against embedding similarity (cosine, about 0.4-0.8 here). */
    static final double CUE_WEIGHT = 0.15;

    private final EmbeddingModel model;
    private final Map<String, List<float[]>> examples = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> cues = new LinkedHashMap<>();

    public IntentClassifier(EmbeddingModel model, ToolManifests manifests) {
        this.model = model;
        for (ToolManifest m : manifests.all()) {
            if (!INTENTS.contains(m.name())) {
                continue;
            }
            List<TextSegment> segments = m.examples().stream().map(TextSegment::from).toList();
            examples.put(m.name(), model.embedAll(segments).content().stream().map(Embedding::vector).toList());
            cues.put(m.name(), m.cues());
        }
    }

    /** Per-intent evidence for one message. */
    public record Score(String tool, double similarity, double cue) {
        public double total() {
            return similarity + CUE_WEIGHT * Math.min(cue, 2.0);
        }
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** Scores, best first. */
    public List<Score> score(String text, float[] vector) {
        String lower = text.toLowerCase();
        List<Score> out = new ArrayList<>();
        for (Map.Entry<String, List<float[]>> e : examples.entrySet()) {
            double[] sims = e.getValue().stream().mapToDouble(v -> cosine(vector, v)).sorted().toArray();
            double sim = Arrays.stream(sims, Math.max(0, sims.length - TOP), sims.length).average().orElse(0);
            double cue = cues.get(e.getKey()).entrySet().stream().filter(c -> lower.contains(c.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            out.add(new Score(e.getKey(), sim, cue));
        }
        out.sort(Comparator.comparingDouble(Score::total).reversed());
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-12);
    }
}
