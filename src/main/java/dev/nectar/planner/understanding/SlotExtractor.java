package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@link Slots} of one message, grounded in the buyer's own orders and the merchant's catalog. Stateless and
 * thread-safe; every pattern was compiled when the {@link Lexicon} loaded.
 */
public final class SlotExtractor {
    /** Kind cues from this weight up are explicit requests (after_sale_kinds.json gives weak hints weight 1). */
    private static final int EXPLICIT_REQUEST_WEIGHT = 2;
    private static final Pattern TRAILING_CALM_PUNCTUATION = Pattern.compile("[\\s.!~,]+$");
    private final Lexicon lexicon;

    public SlotExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Slots extract(String text, BuyerContext ctx) {
        return extract(lexicon.normalizer.normalize(text), ctx);
    }

    public Slots extract(NormalizedText text, BuyerContext ctx) {
        String folded = text.folded();
        KnownCatalog.Indexed catalog = ctx.catalog().indexed(lexicon.titles);
        List<KnownItem> items = ctx.orders().stream().flatMap(o -> o.items().stream()).toList();
        TitleMatcher.Index itemIndex = lexicon.titles.index(items.stream().map(SlotExtractor::description).toList());

        Set<String> itemSkus = skus(items);
        OrderIdReader.OrderIds ids = lexicon.orderIds.read(text, ctx.orders(),
                token -> namesProduct(token, catalog.skus().keySet(), catalog.titles())
                        || namesProduct(token, itemSkus, itemIndex));
        String query = lexicon.titles.query(text, ids.spans());
        Set<String> skuTokens = TitleMatcher.skuTokens(query);
        // titles are Chinese: an English item word is matched by its Chinese (boots → 靴子)
        String itemQuery = lexicon.english.glossed(query);

        MoneyReader.Bounds price = lexicon.money.read(folded);
        SizeReader.Sizes sizes = lexicon.sizes.read(folded);
        Optional<Cue> reason = CueTable.strongest(lexicon.reasons.find(folded));
        List<Cue> kindCues = lexicon.afterSaleKinds.find(folded);
        Optional<Cue> kind = CueTable.strongest(kindCues);
        Optional<Cue> answer = answer(folded, kindCues);
        Optional<Cue> ordinal = lexicon.ordinals.find(folded).stream().findFirst();
        List<Cue> statusCues = lexicon.orderStatus.find(folded);

        List<Cue> cues = new ArrayList<>();
        Stream.of(reason, kind, answer, ordinal, sizes.direction()).flatMap(Optional::stream).forEach(cues::add);
        cues.addAll(statusCues);
        cues.sort(Comparator.comparingInt(Cue::start));

        return new Slots(
                ids.own(),
                ids.foreign(),
                mentionedOrders(ctx.orders(), itemIndex.match(itemQuery), skuTokens),
                mentionedProducts(ctx.catalog(), catalog, itemQuery, skuTokens),
                price.min(),
                price.max(),
                price.around(),
                lexicon.quantities.weightKg(folded),
                lexicon.quantities.count(folded),
                lexicon.quantities.ageMonths(folded),
                sizes.tokens(),
                sizes.target(),
                sizes.direction().map(c -> SizeDirection.valueOf(c.label())),
                ordinal.map(c -> OptionalInt.of(Integer.parseInt(c.label()))).orElse(OptionalInt.empty()),
                reason.map(c -> Reason.valueOf(c.label())),
                kind.map(c -> AfterSaleKind.valueOf(c.label())),
                answer.map(c -> YesNo.valueOf(c.label().replace("_ALONE", ""))),
                statusCues.stream().map(c -> OrderStatusHint.valueOf(c.label())).distinct().toList(),
                List.copyOf(cues));
    }

    /**
     * The yes/no cue when the message is essentially an answer: nothing but answers and pleasantries (好的谢谢), or
     * starting with a YES/NO cue (确认,帮我退吧). A question is no answer, and a NO inside a longer after-sale request
     * (不用 of 不用退货) or next to an explicit cancel request (不要了,取消订单吧) belongs to the request.
     */
    private Optional<Cue> answer(String folded, List<Cue> kindCues) {
        if (isQuestion(folded)) {
            return Optional.empty();
        }
        // 取消 and 不要了 are both "no" and "cancel": a message that explicitly asks to cancel is that request
        boolean asksToCancel = kindCues.stream()
                .anyMatch(k -> k.label().equals(AfterSaleKind.CANCEL.name()) && k.weight() >= EXPLICIT_REQUEST_WEIGHT);
        List<Cue> cues = lexicon.yesNo.find(folded).stream()
                .filter(c -> !(c.label().startsWith("NO") && (asksToCancel || kindCues.stream().anyMatch(c::insideLonger))))
                .toList();
        if (cues.isEmpty()) {
            return Optional.empty();
        }
        if (Coverage.onlyPleasantries(lexicon, folded, cues)) {
            return Optional.of(cues.get(0));
        }
        List<Cue> fillers = lexicon.fillers.find(folded);
        int lead = 0;
        while (lead < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(lead))) {
                lead++;
                continue;
            }
            int at = lead;
            Optional<Cue> opening = cues.stream().filter(c -> c.start() == at && !c.label().endsWith("_ALONE")).findFirst();
            if (opening.isPresent()) {
                return opening;
            }
            Optional<Cue> filler = fillers.stream().filter(c -> c.start() == at).findFirst();
            if (filler.isEmpty()) {
                return Optional.empty();
            }
            lead = filler.get().end();
        }
        return Optional.empty();
    }

    private boolean isQuestion(String folded) {
        String end = TRAILING_CALM_PUNCTUATION.matcher(folded).replaceAll("");
        return lexicon.questionEndings.stream().anyMatch(end::endsWith);
    }

    private static List<OrderMention> mentionedOrders(List<KnownOrder> orders, Map<Integer, TitleMatcher.Match> matches,
                                                      Set<String> skuTokens) {
        Map<KnownOrder, List<TitleMatcher.Match>> byOrder = new LinkedHashMap<>();
        int entry = 0;
        for (KnownOrder order : orders) {
            for (KnownItem item : order.items()) {
                TitleMatcher.Match match = withSku(inTitle(matches.get(entry), item), entry, item.sku(), skuTokens);
                if (match != null) {
                    byOrder.computeIfAbsent(order, o -> new ArrayList<>()).add(match);
                }
                entry++;
            }
        }
        List<KnownItem> items = orders.stream().flatMap(o -> o.items().stream()).toList();
        return byOrder.entrySet().stream()
                .map(e -> {
                    List<TitleMatcher.Match> best = e.getValue().stream()
                            .sorted(Comparator.comparingInt(TitleMatcher.Match::score).reversed()).toList();
                    Set<String> terms = new LinkedHashSet<>();
                    best.forEach(m -> terms.addAll(m.terms()));
                    return new OrderMention(e.getKey(), best.get(0).score(),
                            best.stream().map(m -> items.get(m.entry())).toList(), List.copyOf(terms));
                })
                .sorted(Comparator.comparingInt(OrderMention::score).reversed())
                .toList();
    }

    /**
     * A term found in the item's own title counts twice what a term found only in its catalog category counts: 猫砂
     * names the 豆腐猫砂 of one order, not the deodorant spray of another that the catalog files under 猫砂清洁.
     */
    private static TitleMatcher.Match inTitle(TitleMatcher.Match match, KnownItem item) {
        if (match == null || item.title() == null) {
            return match;
        }
        String title = NormalizedText.fold(item.title());
        int score = match.terms().stream().mapToInt(t -> title.contains(t) ? 2 * t.length() : t.length()).sum();
        return new TitleMatcher.Match(match.entry(), score, match.terms());
    }

    private static List<ProductMention> mentionedProducts(KnownCatalog catalog, KnownCatalog.Indexed index, String query,
                                                          Set<String> skuTokens) {
        Map<Integer, TitleMatcher.Match> matches = new LinkedHashMap<>(index.titles().match(query));
        for (String token : skuTokens) {
            Integer entry = index.skus().get(token);
            if (entry != null) {
                matches.put(entry, withSku(matches.get(entry), entry, token, skuTokens));
            }
        }
        return matches.values().stream()
                .sorted(Comparator.comparingInt(TitleMatcher.Match::score).reversed()
                        .thenComparingInt(TitleMatcher.Match::entry))
                .map(m -> new ProductMention(catalog.products().get(m.entry()), m.score(), m.terms()))
                .toList();
    }

    /** Adds {@link TitleMatcher#SKU_BONUS} when the message names the SKU in full. */
    private static TitleMatcher.Match withSku(TitleMatcher.Match match, int entry, String sku, Set<String> skuTokens) {
        if (sku == null || !skuTokens.contains(NormalizedText.fold(sku))) {
            return match;
        }
        List<String> terms = new ArrayList<>(match == null ? List.of() : match.terms());
        terms.add(NormalizedText.fold(sku));
        return new TitleMatcher.Match(entry, (match == null ? 0 : match.score()) + TitleMatcher.SKU_BONUS, List.copyOf(terms));
    }

    private static boolean namesProduct(String token, Set<String> skus, TitleMatcher.Index titles) {
        return skus.contains(token) || titles.texts().stream().anyMatch(t -> t.contains(token));
    }

    private static Set<String> skus(List<KnownItem> items) {
        Set<String> skus = new HashSet<>();
        items.stream().map(KnownItem::sku).filter(s -> s != null && !s.isBlank()).forEach(s -> skus.add(NormalizedText.fold(s)));
        return skus;
    }

    private static String description(KnownItem item) {
        return Stream.of(item.title(), item.category()).filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a + " | " + b).orElse("");
    }
}
