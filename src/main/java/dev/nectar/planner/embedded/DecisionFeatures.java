package dev.nectar.planner.embedded;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.planner.understanding.AfterSaleKind;
import dev.nectar.planner.understanding.Reason;
import dev.nectar.planner.understanding.Slots;
import dev.nectar.planner.understanding.Understanding;
import dev.nectar.text.ChineseWords;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The inputs of the embedded planner's learned decision for one message, as a sparse vector: the message's
 * embedding (meaning), hashed words and character bigrams (wording), what the lexicons and the buyer's data say
 * (a named order of theirs, an item they bought, a reason word, a detector's hit, which order states they have), and
 * the knowledge base's best evidence for the message. The layout is versioned with the model that is trained on it.
 */
public final class DecisionFeatures {
    /** Bump when the layout changes: a model trained on another layout is refused at start-up. */
    public static final int VERSION = 3;
    static final int EMBEDDING = 512;
    static final int LEXICAL = 2048;
    private static final int FLAGS_AT = 1 + EMBEDDING + LEXICAL;
    /** Embedding components are ~0.04 each; scaled so the meaning weighs about as much as a few flags. */
    private static final double EMBEDDING_SCALE = 4.0;
    private static final double LEXICAL_SCALE = 0.6;

    /** What the knowledge base holds for the message: its best fused score and whether that clears the threshold. */
    public record Evidence(double bestScore, boolean answerable, boolean faq) {
        public static final Evidence NONE = new Evidence(0, false, false);
    }

    /** What the planner's own cue lists find in the message (prompts/planner.json). */
    public record Cues(boolean personal, boolean question, boolean purchase) {
    }

    private DecisionFeatures() {
    }

    /**
     * @param catalog the best cosine similarity between the message and a product of the catalog (title, tags,
     *                description): how much the message reads like a need the catalog answers
     */
    public static Feature[] of(Understanding u, float[] embedding, List<Order> orders, Evidence kb, double catalog,
                               Cues said, boolean images) {
        TreeMap<Integer, Double> x = new TreeMap<>();
        for (int i = 0; i < EMBEDDING && i < embedding.length; i++) {
            x.put(1 + i, EMBEDDING_SCALE * embedding[i]);
        }
        lexical(u.text().folded(), x);
        Slots s = u.slots();
        List<Boolean> flags = new ArrayList<>();
        flags.add(said.personal());
        flags.add(said.question());
        flags.add(said.purchase());
        flags.add(!s.orderIds().isEmpty());
        flags.add(!s.foreignOrderIds().isEmpty());
        flags.add(!s.mentionedOrders().isEmpty());
        flags.add(!s.mentionedProducts().isEmpty());
        flags.add(s.priceMax().isPresent() || s.priceMin().isPresent() || s.priceAround().isPresent());
        flags.add(s.weightKg().isPresent());
        flags.add(s.count().isPresent());
        flags.add(s.ageMonths().isPresent());
        flags.add(!s.sizeTokens().isEmpty());
        flags.add(s.targetSize().isPresent());
        flags.add(s.sizeDirection().isPresent());
        flags.add(s.ordinal().isPresent());
        flags.add(s.yesNo().isPresent());
        flags.add(!s.statusHints().isEmpty());
        for (Reason r : Reason.values()) {
            flags.add(s.reason().filter(v -> v == r).isPresent());
        }
        for (AfterSaleKind k : AfterSaleKind.values()) {
            flags.add(s.afterSaleKind().filter(v -> v == k).isPresent());
        }
        flags.add(u.humanRequest().isPresent());
        flags.add(u.complaint().isPresent());
        flags.add(u.healthSafety().isPresent());
        flags.add(u.promptInjection().isPresent());
        flags.add(u.smallTalk().isPresent());
        flags.add(u.smallTalk().filter(t -> t.pure()).isPresent());
        flags.add(!orders.isEmpty());
        flags.add(orders.stream().anyMatch(o -> o.status() == OrderStatus.SHIPPED));
        flags.add(orders.stream().anyMatch(o -> EmbeddedPlanner.RECEIVED.contains(o.status())));
        flags.add(orders.stream().anyMatch(o -> EmbeddedPlanner.CANCELLABLE.contains(o.status())));
        flags.add(kb.answerable());
        flags.add(kb.faq());
        flags.add(images);
        flags.add(u.text().folded().codePoints().anyMatch(c -> c < 128 && Character.isLetter(c)));
        int at = FLAGS_AT;
        for (boolean f : flags) {
            if (f) {
                x.put(at, 1.0);
            }
            at++;
        }
        x.put(at++, kb.bestScore());
        x.put(at++, kb.bestScore() * kb.bestScore());
        x.put(at++, catalog);
        x.put(at++, catalog - kb.bestScore());
        x.put(at, Math.min(1.0, u.text().folded().length() / 60.0));
        return x.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> (Feature) new FeatureNode(e.getKey(), e.getValue())).toArray(Feature[]::new);
    }

    /** Highest feature index, for the trainer: room for the flags and continuous features written above. */
    public static int size() {
        return FLAGS_AT + 64;
    }

    private static void lexical(String text, TreeMap<Integer, Double> x) {
        List<String> grams = new ArrayList<>(ChineseWords.content(text));
        String han = text.replaceAll("[^\\p{IsHan}]+", " ");
        for (String run : han.split(" ")) {
            for (int i = 0; i + 2 <= run.length(); i++) {
                grams.add(run.substring(i, i + 2));
            }
        }
        if (grams.isEmpty()) {
            return;
        }
        double v = LEXICAL_SCALE / Math.sqrt(grams.size());
        for (String g : grams) {
            int bucket = 1 + EMBEDDING + Math.floorMod(g.hashCode() * 0x9E3779B1, LEXICAL);
            x.merge(bucket, v, Double::sum);
        }
    }
}
