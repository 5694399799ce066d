package dev.nectar.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reorders the best facts of a search by a logistic model learned from the corpus's training shops
 * ({@code prompts/knowledge/ranker.json}, written by {@code FactRankerTraining}): the fused score decides whether a
 * question is answerable at all, but which of several close facts answers it depends on more than one number (a
 * heading that names the question's subject, a fact that covers its words rather than its heading, a table row for an
 * amount). Without the file the fused order stands. Immutable and thread-safe.
 */
final class FactRanker {
    /** The facts reordered: the tool composes its answer from the first ten, the decision reads the best score among them. */
    static final int WINDOW = 10;

    /** The features of one candidate fact, in the model's order (the file names them; a mismatch refuses to load). */
    static final List<String> FEATURES = List.of("semantic", "lexical", "typed", "fusedRank", "cosineRank", "lexicalRank",
            "headingCover", "textCover", "faq", "row", "length", "gap", "wordCover", "factWordCover");

    private record File(List<String> features, double[] weights, double bias) {
    }

    private final double[] weights;
    private final double bias;

    private FactRanker(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    static FactRanker of(double[] weights, double bias) {
        return new FactRanker(weights.clone(), bias);
    }

    static Optional<FactRanker> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            File json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(file.toFile(), File.class);
            if (!FEATURES.equals(json.features()) || json.weights().length != FEATURES.size()) {
                throw new IllegalStateException("the fact ranker " + file + " was trained on other features; run scripts/train-understanding.sh");
            }
            return Optional.of(of(json.weights(), json.bias()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fact ranker " + file, e);
        }
    }

    static void save(Path file, double[] weights, double bias) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), new File(FEATURES, weights, bias));
    }

    /** The model's log-odds that the fact answers the question (only the order matters). */
    double score(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return z;
    }
}
