package dev.nectar.planner.embedded;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.nectar.TestShop;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStore;
import dev.nectar.commerce.Product;
import dev.nectar.corpus.Corpus;
import dev.nectar.corpus.CorpusShop;
import dev.nectar.planner.understanding.Understanding;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Trains the embedded planner's {@link DecisionModel} on the corpus's training shops and writes it to
 * {@code prompts/understanding/decision/}: each shop is loaded into a fresh merchant through the API, each labelled
 * utterance is read exactly as the planner reads a live message ({@link Interpreter#read}), the regularisation is chosen
 * by leave-one-shop-out cross-validation over the training shops (never the held-out ones), and the final models are
 * fitted on all training shops. Runs only when asked: {@code scripts/train-understanding.sh}.
 */
@QuarkusTest
class DecisionModelTraining {
    private static final double[] COSTS = {4};

    @Inject
    Understander understander;
    @Inject
    Interpreter interpreter;
    @Inject
    OrderStore orders;
    @Inject
    CatalogStore catalog;

    /** One utterance read into features, with its labels per head (null where a head does not apply). */
    record Example(String shop, Feature[] x, Map<String, String> labels, Understanding understanding,
                   Interpreter.Reading reading) {
    }

    @Test
    void train() throws Exception {
        assumeTrue(Boolean.getBoolean("understanding.train"), "training runs only with -Dunderstanding.train=true");
        Linear.disableDebugOutput();
        List<Example> examples = new ArrayList<>();
        for (String shop : Corpus.train()) {
            examples.addAll(read(shop));
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String head : List.of(DecisionModel.INTENT, DecisionModel.REASON, DecisionModel.TYPE)) {
            labels.put(head, examples.stream().map(e -> e.labels().get(head)).filter(java.util.Objects::nonNull).distinct().sorted().toList());
        }
        double best = -1;
        double cost = COSTS[0];
        for (double c : COSTS) {
            double accuracy = crossValidate(examples, labels, c);
            System.out.printf("decision model: C=%.2f leave-one-shop-out intent accuracy %.3f%n", c, accuracy);
            if (accuracy > best) {
                best = accuracy;
                cost = c;
            }
        }
        Map<String, Model> models = new LinkedHashMap<>();
        for (String head : labels.keySet()) {
            models.put(head, fit(examples, head, labels.get(head), cost));
        }
        DecisionModel.save(Path.of("prompts", "understanding", "decision"), labels, Corpus.train(), Corpus.trainingHash(), models);
        System.out.printf("decision model: trained with C=%.2f on %d utterances of %s%n", cost, examples.size(), Corpus.train());
    }

    private List<Example> read(String name) {
        TestShop shop = CorpusShop.load(name);
        List<Product> products = catalog.all(shop.merchantId());
        List<Example> out = new ArrayList<>();
        for (Corpus.Utterance utterance : Corpus.utterances(name)) {
            List<Order> own = orders.byBuyer(shop.merchantId(), utterance.buyerId());
            Understanding u = understander.understand(shop.merchantId(), utterance.text(), own, products);
            Interpreter.Reading reading = interpreter.read(shop.merchantId(), u, own, products, false);
            out.add(new Example(name, reading.features(), labels(utterance), u, reading));
        }
        return out;
    }

    static Map<String, String> labels(Corpus.Utterance u) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DecisionModel.INTENT, u.intent().equals("handoff") ? "handoff_" + u.slot("handoffReason") : u.intent());
        if (u.intent().equals("after_sale")) {
            labels.put(DecisionModel.REASON, u.slot("reason") == null ? DecisionModel.NONE : u.slot("reason"));
            labels.put(DecisionModel.TYPE, u.slot("type"));
        }
        return labels;
    }

    /** Mean over training shops of the decision's accuracy on a shop when the model is fitted on the others. */
    private static double crossValidate(List<Example> examples, Map<String, List<String>> labels, double cost) {
        double sum = 0;
        List<String> shops = examples.stream().map(Example::shop).distinct().toList();
        for (String held : shops) {
            List<Example> rest = examples.stream().filter(e -> !e.shop().equals(held)).toList();
            Model intent = fit(rest, DecisionModel.INTENT, labels.get(DecisionModel.INTENT), cost);
            List<Example> test = examples.stream().filter(e -> e.shop().equals(held)).toList();
            long right = test.stream().filter(e -> decide(intent, labels.get(DecisionModel.INTENT), e)
                    .equals(e.labels().get(DecisionModel.INTENT))).count();
            System.out.printf("  C=%.2f %s: %d/%d%n", cost, held, right, test.size());
            Map<String, int[]> byIntent = new java.util.TreeMap<>();
            for (Example e : test) {
                String want = e.labels().get(DecisionModel.INTENT);
                String got = decide(intent, labels.get(DecisionModel.INTENT), e);
                int[] c = byIntent.computeIfAbsent(want, k -> new int[2]);
                c[0] += want.equals(got) ? 1 : 0;
                c[1]++;
                if (!want.equals(got) && Boolean.getBoolean("understanding.errors")) {
                    System.out.printf("    miss %s -> %s: %s%n", want, got, e.understanding().text().text());
                }
            }
            byIntent.forEach((k, c) -> System.out.printf("    %s %d/%d%n", k, c[0], c[1]));
            // what each decision rule adds, on the shop left out: without the shop-question rule, without the purchase gate
            long noShopRule = test.stream().filter(e -> decide(intent, labels.get(DecisionModel.INTENT), e, false, e.reading().purchase())
                    .equals(e.labels().get(DecisionModel.INTENT))).count();
            long noPurchaseGate = test.stream().filter(e -> decide(intent, labels.get(DecisionModel.INTENT), e, e.reading().shopQuestion(), false)
                    .equals(e.labels().get(DecisionModel.INTENT))).count();
            System.out.printf("    rules: all %d, without the shop-question rule %d, without the purchase gate %d%n", right, noShopRule, noPurchaseGate);
            for (double bar : new double[]{0.5, 0.6, 0.7, 0.8, 0.9}) {
                long atBar = test.stream().filter(e -> interpretation(intent, labels.get(DecisionModel.INTENT), e, e.reading().shopQuestion(), e.reading().purchase())
                        .decision(bar).equals(e.labels().get(DecisionModel.INTENT))).count();
                System.out.printf("    shop-question rule below %.1f: %d%n", bar, atBar);
            }
            sum += (double) right / test.size();
        }
        return sum / shops.size();
    }

    private static String decide(Model model, List<String> names, Example e) {
        return decide(model, names, e, e.reading().shopQuestion(), e.reading().purchase());
    }

    private static String decide(Model model, List<String> names, Example e, boolean shopQuestion, boolean purchase) {
        return interpretation(model, names, e, shopQuestion, purchase).decision();
    }

    private static Interpreter.Interpretation interpretation(Model model, List<String> names, Example e, boolean shopQuestion,
                                                             boolean purchase) {
        double[] p = new double[model.getNrClass()];
        Linear.predictProbability(model, e.x(), p);
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            byName.put(names.get(model.getLabels()[i]), p[i]);
        }
        List<Map.Entry<String, Double>> ranked = byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        return new Interpreter.Interpretation(ranked, e.understanding(), e.understanding().slots(),
                e.reading().evidence(), shopQuestion, purchase, java.util.Optional.empty());
    }

    private static Model fit(List<Example> examples, String head, List<String> names, double cost) {
        List<Example> labelled = examples.stream().filter(e -> e.labels().get(head) != null).toList();
        Function<Example, Double> y = e -> (double) names.indexOf(e.labels().get(head));
        Problem problem = new Problem();
        problem.l = labelled.size();
        problem.n = DecisionFeatures.size();
        problem.x = labelled.stream().map(Example::x).toArray(Feature[][]::new);
        problem.y = labelled.stream().mapToDouble(y::apply).toArray();
        problem.bias = -1;
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
    }
}
