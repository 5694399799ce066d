package dev.nectar.planner.embedded;

import de.bwaldvogel.liblinear.Feature;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.commerce.recommend.ProductEmbeddings;
import dev.nectar.knowledge.KnowledgeHit;
import dev.nectar.knowledge.KnowledgeRetriever;
import dev.nectar.planner.understanding.AfterSaleKind;
import dev.nectar.planner.understanding.Reason;
import dev.nectar.planner.understanding.Slots;
import dev.nectar.planner.understanding.Understanding;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what one buyer message asks for with the {@link DecisionModel}: the understanding's slots and detectors, the
 * message's embedding, the buyer's orders and the knowledge base's best evidence go in; the intent's probabilities
 * and, for after-sales, the reason and kind the message states come out. The lexicons' own reading wins where they
 * read a reason or kind; the model fills what they miss (腰围小了一圈 is SIZE, 只收到一只 is WRONG_ITEM).
 */
@ApplicationScoped
public class Interpreter {
    /** A learned reason or kind is used from this probability on; below it the bot asks. */
    static final double SLOT_CONFIDENCE = 0.5;

    private final DecisionModel model;
    private final EmbeddingModel embeddings;
    private final KnowledgeRetriever knowledge;
    private final PlannerCues cues;
    private final ProductEmbeddings products;

    public Interpreter(DecisionModel model, EmbeddingModel embeddings, KnowledgeRetriever knowledge, PlannerCues cues,
                       ProductEmbeddings products) {
        this.model = model;
        this.embeddings = embeddings;
        this.knowledge = knowledge;
        this.cues = cues;
        this.products = products;
    }

    /**
     * What the message asks for: the understanding with its slots completed by the model when it is an after-sale
     * request, the slots exactly as the lexicons stated them (a change of mind is told by what the buyer said, not by
     * what the model guesses), and the model's reading of a reason, for an answer to the bot's question.
     */
    public record Interpretation(List<Map.Entry<String, Double>> intents, Understanding understanding, Slots stated,
                                 DecisionFeatures.Evidence evidence, boolean shopQuestion, boolean purchase,
                                 Optional<Reason> learnedReason) {
        public String intent() {
            return intents.get(0).getKey();
        }

        public double confidence() {
            return intents.get(0).getValue();
        }

        public double probability(String intent) {
            return intents.stream().filter(e -> e.getKey().equals(intent)).mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
        }

        /**
         * What the planner does with the message when nothing is pending: the detectors' high-precision lexicon hits
         * first (an injection is refused; a request for a human, a complaint or a health case hands off), then the
         * model's own reading of those (a handoff it is sure of: 别跟机器说了,叫你们店长来), then pure small talk, then
         * the most probable tool intent. Health or safety outranks any sales intent.
         */
        public String decision() {
            return decision(TOOL_SURE);
        }

        /** {@link #decision()} with another bar for a buyer-data tool against the documents (for calibration). */
        String decision(double toolSure) {
            Understanding u = understanding;
            if (u.promptInjection().isPresent() || probability(INJECTION) >= SURE) {
                return INJECTION;
            }
            // a symptom beside a wish to buy (耳朵疼,有别的耳机吗) is a need unless the model reads a health case too
            boolean healthWord = u.healthSafety().isPresent() && (!purchase || probability(HANDOFF_HEALTH) >= RUNNER_UP);
            if (healthWord || probability(HANDOFF_HEALTH) >= HANDOFF_SURE) {
                return HANDOFF_HEALTH;
            }
            if (u.humanRequest().isPresent() || probability(HANDOFF_REQUESTED) >= HANDOFF_SURE) {
                return HANDOFF_REQUESTED;
            }
            if (u.complaint().isPresent() || probability(HANDOFF_COMPLAINT) >= HANDOFF_SURE) {
                return HANDOFF_COMPLAINT;
            }
            if (u.smallTalk().filter(t -> t.pure()).isPresent() || intent().equals(SMALLTALK) && confidence() >= SURE) {
                return SMALLTALK;
            }
            String tool = intents.stream().map(Map.Entry::getKey).filter(TOOL_INTENTS::contains).findFirst().orElse(KNOWLEDGE);
            if (BUYER_DATA_INTENTS.contains(tool) && shopQuestion && evidence.answerable() && probability(tool) < toolSure) {
                // a question about the shop that its documents answer (你们一般走什么快递, 支持货到付款吗) is answered from
                // them; the tool stays the fallback should the answer not hold
                return KNOWLEDGE;
            }
            return tool;
        }

        /**
         * The two tool intents to ask between when the model is not sure (the most probable one below
         * {@link #NOT_SURE}, the next one within {@link #NOT_SURE_MARGIN} of it) and no document answers the message:
         * one short question beats a wrong order list or refusal. Knowledge is never among them, since it has its own
         * fallback to the next intent.
         */
        public Optional<List<String>> unsure(String decided) {
            if (!BUYER_DATA_INTENTS.contains(decided) && !decided.equals(RECOMMEND) || evidence.answerable()) {
                return Optional.empty();
            }
            double top = probability(decided);
            return intents.stream().filter(e -> TOOL_INTENTS.contains(e.getKey()) && !e.getKey().equals(decided)).findFirst()
                    .filter(e -> !e.getKey().equals(KNOWLEDGE) && top < NOT_SURE && e.getValue() >= top - NOT_SURE_MARGIN)
                    .map(e -> List.of(decided, e.getKey()));
        }

        /** The most probable tool intent after the given one, for when that one finds nothing. */
        public Optional<String> runnerUp(String after) {
            return intents.stream().filter(e -> TOOL_INTENTS.contains(e.getKey()) && !e.getKey().equals(after))
                    .filter(e -> e.getValue() >= RUNNER_UP).map(Map.Entry::getKey).findFirst();
        }
    }

    public static final String KNOWLEDGE = "knowledge";
    public static final String RECOMMEND = "recommend";
    public static final String ORDER = "order";
    public static final String LOGISTICS = "logistics";
    public static final String AFTER_SALE = "after_sale";
    public static final String CANCEL = "cancel";
    public static final String HANDOFF_REQUESTED = "handoff_REQUESTED";
    public static final String HANDOFF_COMPLAINT = "handoff_COMPLAINT";
    public static final String HANDOFF_HEALTH = "handoff_HEALTH_SAFETY";
    public static final String SMALLTALK = "smalltalk";
    public static final String INJECTION = "injection";
    /** Intents served from the buyer's own orders. */
    static final java.util.Set<String> BUYER_DATA_INTENTS = java.util.Set.of(ORDER, LOGISTICS, AFTER_SALE, CANCEL);
    static final java.util.Set<String> TOOL_INTENTS = java.util.Set.of(KNOWLEDGE, RECOMMEND, ORDER, LOGISTICS, AFTER_SALE, CANCEL);
    /** The model alone refuses or chats from this probability on. */
    static final double SURE = 0.6;
    /** The model alone hands off from this probability on: a wrong handoff costs the buyer a wait. */
    static final double HANDOFF_SURE = 0.5;
    /** Below this probability a tool yields to the documents for a question about the shop they answer. */
    static final double TOOL_SURE = 0.7;
    /** Below this probability of the intent decided, with a close runner-up, the bot asks which one is meant. */
    static final double NOT_SURE = 0.4;
    static final double NOT_SURE_MARGIN = 0.1;
    /** A tool intent this probable is tried when the knowledge base finds nothing. */
    static final double RUNNER_UP = 0.15;

    /**
     * The model's input for a message: its features and the knowledge evidence among them, and whether it is a question
     * about the shop rather than about the buyer's own orders (no 我的, no order id, nothing the buyer bought).
     */
    public record Reading(Feature[] features, DecisionFeatures.Evidence evidence, boolean shopQuestion, boolean purchase) {
    }

    public Reading read(String merchantId, Understanding u, List<Order> orders, List<Product> catalog, boolean images) {
        String text = u.text().text();
        float[] vector = text.isBlank() ? new float[DecisionFeatures.EMBEDDING] : embeddings.embed(text).content().vector();
        DecisionFeatures.Evidence evidence = evidence(merchantId, text);
        double products = text.isBlank() ? 0 : bestProduct(merchantId, catalog, vector);
        String folded = u.text().folded();
        boolean personal = cues.personal(folded);
        boolean question = cues.question(folded);
        Slots s = u.slots();
        boolean shopQuestion = question && !personal && s.orderIds().isEmpty() && s.foreignOrderIds().isEmpty()
                && s.mentionedOrders().isEmpty();
        DecisionFeatures.Cues said = new DecisionFeatures.Cues(personal, question, cues.purchase(folded));
        return new Reading(DecisionFeatures.of(u, vector, orders, evidence, products, said, images), evidence, shopQuestion,
                said.purchase());
    }

    @Timed(value = Understander.COST_METRIC, extraTags = {"step", "interpret"})
    public Interpretation interpret(String merchantId, Understanding u, List<Order> orders, List<Product> catalog, boolean images) {
        Reading reading = read(merchantId, u, orders, catalog, images);
        Feature[] x = reading.features();
        DecisionFeatures.Evidence evidence = reading.evidence();
        List<Map.Entry<String, Double>> intents = model.predict(DecisionModel.INTENT, x);
        Optional<Reason> reason = learned(model.predict(DecisionModel.REASON, x)).filter(r -> !r.equals(DecisionModel.NONE)).map(Reason::valueOf);
        Optional<AfterSaleKind> kind = learned(model.predict(DecisionModel.TYPE, x)).map(AfterSaleKind::valueOf);
        // the reason and kind heads were trained on after-sale requests only: elsewhere their reading means nothing,
        // except a reason given in answer to the bot's question (漏光了), which the planner takes from learnedReason
        boolean afterSale = intents.get(0).getKey().equals(AFTER_SALE);
        Understanding completed = afterSale ? u.withSlots(u.slots().orLearned(reason, kind)) : u;
        return new Interpretation(intents, completed, u.slots(), evidence, reading.shopQuestion(), reading.purchase(), reason);
    }

    private DecisionFeatures.Evidence evidence(String merchantId, String text) {
        if (text.isBlank()) {
            return DecisionFeatures.Evidence.NONE;
        }
        return knowledge.strongest(merchantId, text)
                .map(best -> new DecisionFeatures.Evidence(best.score(), best.answerable(), best.text().startsWith("问：")))
                .orElse(DecisionFeatures.Evidence.NONE);
    }

    /** The best cosine similarity between the message and one of the catalog's products. */
    private double bestProduct(String merchantId, List<Product> catalog, float[] message) {
        Embedding m = Embedding.from(message);
        return products.of(merchantId, catalog).values().stream()
                .mapToDouble(p -> CosineSimilarity.between(m, p)).filter(c -> c > 0).max().orElse(0);
    }

    private static Optional<String> learned(List<Map.Entry<String, Double>> ranked) {
        return ranked.get(0).getValue() >= SLOT_CONFIDENCE ? Optional.of(ranked.get(0).getKey()) : Optional.empty();
    }
}
