package dev.nectar.planner.embedded;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded planner's learned decision: L2-regularised logistic regression (LIBLINEAR) over
 * {@link DecisionFeatures}, one model per head: the intent of a message, the after-sale reason it states (or none) and
 * the kind of after-sale it asks for. Trained on the corpus's training shops by {@code scripts/train-understanding.sh}
 * into {@code prompts/understanding/decision/}; probabilities are calibrated on shops left out of training (see
 * docs/planner.md). Immutable and thread-safe once loaded.
 */
@ApplicationScoped
public class DecisionModel {
    public static final String INTENT = "intent";
    public static final String REASON = "reason";
    public static final String TYPE = "type";
    /** The reason head's label for a message that states no reason. */
    public static final String NONE = "NONE";

    /** What {@code meta.json} records beside the models. */
    public record Meta(int featureVersion, Map<String, List<String>> labels, List<String> trainedOn, String corpusHash) {
    }

    private final Meta meta;
    private final Map<String, Model> heads = new LinkedHashMap<>();

    @Inject
    public DecisionModel(NectarConfig config) {
        this(Path.of(config.promptsDir(), "understanding", "decision"));
    }

    public DecisionModel(Path dir) {
        try {
            this.meta = Json.MAPPER.readValue(Files.readString(dir.resolve("meta.json")), Meta.class);
            if (meta.featureVersion() != DecisionFeatures.VERSION) {
                throw new IllegalStateException("the decision model in " + dir + " was trained on feature layout "
                        + meta.featureVersion() + ", this build reads " + DecisionFeatures.VERSION + ": run scripts/train-understanding.sh");
            }
            for (String head : meta.labels().keySet()) {
                heads.put(head, Model.load(dir.resolve(head + ".model")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision model in " + dir.toAbsolutePath(), e);
        }
    }

    public Meta meta() {
        return meta;
    }

    /** Probability of each label of a head, best first. */
    public List<Map.Entry<String, Double>> predict(String head, Feature[] x) {
        Model model = heads.get(head);
        double[] p = new double[model.getNrClass()];
        Linear.predictProbability(model, x, p);
        int[] ids = model.getLabels();
        List<String> names = meta.labels().get(head);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(names.get(ids[i]), p[i]);
        }
        return out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    /** Persists trained models and their meta (used by the trainer), stamped with this build's feature layout. */
    public static void save(Path dir, Map<String, List<String>> labels, List<String> trainedOn, String corpusHash,
                            Map<String, Model> models) throws IOException {
        Meta meta = new Meta(DecisionFeatures.VERSION, labels, trainedOn, corpusHash);
        Files.createDirectories(dir);
        for (Map.Entry<String, Model> e : models.entrySet()) {
            e.getValue().save(dir.resolve(e.getKey() + ".model"));
        }
        Files.writeString(dir.resolve("meta.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n");
    }
}
