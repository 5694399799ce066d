package dev.nectar.planner.understanding;

import dev.nectar.text.ChineseWords;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The understanding layer of the embedded planner in one call: normalise, read slots, run the detectors. Build one
 * per {@link Lexicon} at start-up and share it; it is immutable and thread-safe, and a call costs microseconds
 * (nothing is compiled per message).
 *
 * <pre>{@code
 * LanguageUnderstanding nlu = LanguageUnderstanding.load(Path.of(config.promptsDir(), "understanding"));
 * Understanding u = nlu.understand("NX20240001 的外套买大了,换成 M 码", BuyerContext.of(orders, products));
 * }</pre>
 */
public final class LanguageUnderstanding {
    /** How many referred-to orders and products lend their categories to a health case that names no subject. */
    private static final int HEALTH_CONTEXT_MENTIONS = 1;

    private final Lexicon lexicon;
    private final SlotExtractor slots;
    private final HumanRequestDetector humanRequest;
    private final ComplaintDetector complaint;
    private final HealthSafetyDetector healthSafety;
    private final PromptInjectionDetector promptInjection;
    private final SmallTalkDetector smallTalk;

    public LanguageUnderstanding(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.slots = new SlotExtractor(lexicon);
        this.humanRequest = new HumanRequestDetector(lexicon);
        this.complaint = new ComplaintDetector(lexicon);
        this.healthSafety = new HealthSafetyDetector(lexicon);
        this.promptInjection = new PromptInjectionDetector(lexicon);
        this.smallTalk = new SmallTalkDetector(lexicon);
    }

    /** Loads the lexicon of {@code dir}; see {@link Lexicon#load(Path)}. */
    public static LanguageUnderstanding load(Path dir) {
        return new LanguageUnderstanding(Lexicon.load(dir));
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Understanding understand(String text, BuyerContext ctx) {
        NormalizedText normalized = lexicon.normalizer.normalize(text);
        Slots read = slots.extract(normalized, ctx);
        return new Understanding(
                normalized,
                read,
                humanRequest.detect(normalized),
                complaint.detect(normalized),
                healthSafety.detect(normalized, healthContext(read, ctx)),
                promptInjection.detect(normalized),
                smallTalk.detect(normalized));
    }

    /**
     * The nouns a message may name an item by (袜子, 牛拍, headphones), generic words (订单, 快递, 东西) left out: what
     * the planner compares with order titles by meaning when no shared characters decide.
     */
    public List<String> itemNouns(NormalizedText text) {
        return ChineseWords.nouns(lexicon.titles.query(text, List.of()));
    }

    /** Titles and categories of what the message is about: orders named by id first, then the best mentions. */
    private static List<String> healthContext(Slots read, BuyerContext ctx) {
        List<String> context = new ArrayList<>();
        ctx.orders().stream()
                .filter(o -> read.orderIds().contains(o.orderId()))
                .flatMap(o -> o.items().stream())
                .forEach(item -> addItem(context, item));
        read.mentionedOrders().stream().limit(HEALTH_CONTEXT_MENTIONS)
                .flatMap(m -> m.items().stream())
                .forEach(item -> addItem(context, item));
        read.mentionedProducts().stream().limit(HEALTH_CONTEXT_MENTIONS)
                .forEach(m -> Stream.of(m.product().category(), m.product().title()).filter(Objects::nonNull).forEach(context::add));
        return context;
    }

    private static void addItem(List<String> context, KnownItem item) {
        Stream.of(item.category(), item.title()).filter(Objects::nonNull).forEach(context::add);
    }
}
