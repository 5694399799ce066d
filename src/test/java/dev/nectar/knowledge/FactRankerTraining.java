package dev.nectar.knowledge;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.nectar.TestShop;
import dev.nectar.corpus.Corpus;
import dev.nectar.corpus.CorpusShop;
import dev.nectar.text.ChineseText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Trains the {@link FactRanker} on the corpus's training shops and writes {@code prompts/knowledge/ranker.json}: each
 * shop is loaded through the API, each labelled knowledge question is searched as the knowledge tool searches it, and
 * every fact of the ranking window is an example, positive when it holds one of the words the question's answer must
 * contain. The regularisation is chosen by leave-one-shop-out cross-validation on the answer the tool would compose
 * (never on the held-out shops); the printed figures compare it with the fused order. Runs only when asked:
 * {@code scripts/train-understanding.sh}.
 */
@QuarkusTest
class FactRankerTraining {
    private static final double[] COSTS = {0.01, 0.1, 1, 10};

    @Inject
    HybridKnowledgeRetriever retriever;
    @Inject
    ChineseText text;

    /** One knowledge question: its shop, its text, the words its answer must hold, and the window's facts. */
    record Question(String shop, String text, List<String> expected, List<HybridKnowledgeRetriever.Candidate> window) {
        boolean answers(KnowledgeHit hit) {
            return expected.stream().anyMatch(hit.text()::contains);
        }
    }

    @Test
    void train() throws Exception {
        assumeTrue(Boolean.getBoolean("understanding.train"), "training runs only with -Dunderstanding.train=true");
        Linear.disableDebugOutput();
        List<Question> questions = new ArrayList<>();
        for (String shop : Corpus.train()) {
            TestShop loaded = CorpusShop.load(shop);
            for (Corpus.Utterance u : Corpus.utterances(shop)) {
                List<String> expected = new ArrayList<>();
                u.slots().path("answerAny").forEach(n -> expected.add(n.asText()));
                if (u.intent().equals("knowledge") && !expected.isEmpty()) {
                    questions.add(new Question(shop, u.text(), expected, retriever.candidates(loaded.merchantId(), u.text(), FactRanker.WINDOW)));
                }
            }
        }
        double bestAccuracy = -1;
        double cost = COSTS[0];
        for (double c : COSTS) {
            double accuracy = crossValidate(questions, c);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                cost = c;
            }
        }
        FactRanker.save(Path.of("prompts", "knowledge", "ranker.json"), weights(fit(questions, cost)), 0);
        System.out.printf("fact ranker: trained with C=%.2f on %d questions of %s%n", cost, questions.size(), Corpus.train());
    }

    /** Mean over the training shops of the composed answer's accuracy on a shop when the ranker is fitted on the others. */
    private double crossValidate(List<Question> questions, double cost) {
        double sum = 0;
        List<String> shops = questions.stream().map(Question::shop).distinct().toList();
        for (String held : shops) {
            FactRanker ranker = ranker(fit(questions.stream().filter(q -> !q.shop().equals(held)).toList(), cost));
            List<Question> test = questions.stream().filter(q -> q.shop().equals(held)).toList();
            long fused = test.stream().filter(q -> answered(q, q.window())).count();
            long reranked = test.stream().filter(q -> answered(q, HybridKnowledgeRetriever.reranked(ranker, q.window()))).count();
            System.out.printf("fact ranker C=%.2f %s: answers %d/%d reranked, %d fused%n", cost, held, reranked, test.size(), fused);
            sum += (double) reranked / test.size();
        }
        System.out.printf("fact ranker C=%.2f: leave-one-shop-out answer accuracy %.3f%n", cost, sum / shops.size());
        return sum / shops.size();
    }

    private boolean answered(Question q, List<HybridKnowledgeRetriever.Candidate> order) {
        return FactAnswer.compose(q.text(), order.stream().map(HybridKnowledgeRetriever.Candidate::hit).toList(), text.regions())
                .map(a -> q.expected().stream().anyMatch(a.text()::contains)).orElse(false);
    }

    /**
     * Pairwise (a ranking SVM's reduction, with logistic loss): for a question, each fact that answers it against each
     * that does not, as the difference of their features in both directions. What is learned is the order within a
     * question, which a pointwise fit over all facts mostly reduces to the fused score again.
     */
    private static Model fit(List<Question> questions, double cost) {
        List<Feature[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Question q : questions) {
            for (HybridKnowledgeRetriever.Candidate good : q.window()) {
                if (!q.answers(good.hit())) {
                    continue;
                }
                for (HybridKnowledgeRetriever.Candidate bad : q.window()) {
                    if (!q.answers(bad.hit())) {
                        x.add(nodes(difference(good.features(), bad.features())));
                        y.add(1.0);
                        x.add(nodes(difference(bad.features(), good.features())));
                        y.add(0.0);
                    }
                }
            }
        }
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = FactRanker.FEATURES.size();
        problem.x = x.toArray(Feature[][]::new);
        problem.y = y.stream().mapToDouble(Double::doubleValue).toArray();
        problem.bias = -1;
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static Feature[] nodes(double[] features) {
        Feature[] nodes = new Feature[features.length];
        for (int i = 0; i < features.length; i++) {
            nodes[i] = new FeatureNode(i + 1, features[i]);
        }
        return nodes;
    }

    /** The weights for the preferred fact: liblinear's first label is the one its weights favour. */
    private static double[] weights(Model model) {
        double[] w = model.getFeatureWeights().clone();
        if (model.getLabels()[0] != 1) {
            for (int i = 0; i < w.length; i++) {
                w[i] = -w[i];
            }
        }
        return w;
    }

    private static FactRanker ranker(Model model) {
        return FactRanker.of(weights(model), 0);
    }
}
