package dev.nectar.planner.embedded;

import dev.nectar.commerce.CatalogDerived;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.planner.AnswerReader;
import dev.nectar.planner.understanding.AfterSaleKind;
import dev.nectar.planner.understanding.BuyerContext;
import dev.nectar.planner.understanding.KnownCatalog;
import dev.nectar.planner.understanding.KnownItem;
import dev.nectar.planner.understanding.KnownOrder;
import dev.nectar.planner.understanding.KnownProduct;
import dev.nectar.planner.understanding.LanguageUnderstanding;
import dev.nectar.planner.understanding.Slots;
import dev.nectar.planner.understanding.Understanding;
import dev.nectar.planner.understanding.YesNo;
import dev.nectar.platform.NectarConfig;
import dev.nectar.text.ChineseText;
import io.micrometer.core.annotation.Timed;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The understanding layer bound to this shop's data: lexicons from {@code prompts/understanding}. What is derived
 * from a merchant's catalog (its title index above all) is built once per catalog version ({@link CatalogDerived}).
 */
@Startup
@ApplicationScoped
public class Understander implements AnswerReader {
    /** Time spent understanding buyer messages, by step: what a turn costs beside its embedding (scripts/bench.sh). */
    static final String COST_METRIC = "nectar.understanding";

    private record Prepared(Map<String, Product> bySku, KnownCatalog known) {
    }

    private final LanguageUnderstanding nlu;
    private final CatalogDerived<Prepared> prepared = new CatalogDerived<>((merchantId, catalog) -> prepare(catalog));

    private final ChineseText chinese;

    public Understander(NectarConfig config, ChineseText chinese) {
        this.nlu = LanguageUnderstanding.load(Path.of(config.promptsDir(), "understanding"));
        this.chinese = chinese;
    }

    /** @param catalog the merchant's whole catalog, as {@code CatalogStore.all} hands it out */
    @Timed(value = COST_METRIC, extraTags = {"step", "understand"})
    @WithSpan("nectar.understand")
    public Understanding understand(String merchantId, String text, List<Order> orders, List<Product> catalog) {
        Prepared p = prepared.get(merchantId, catalog);
        List<KnownOrder> known = orders.stream().map(o -> new KnownOrder(o.orderId(), o.status().name(),
                o.items().stream().map(i -> new KnownItem(i.sku(), i.title(),
                        Optional.ofNullable(p.bySku().get(i.sku())).map(Product::category).orElse(null))).toList())).toList();
        // homophone typos repaired first, so lexicons, the model and retrieval all read 退款 for 推款
        return nlu.understand(chinese.corrected(text), new BuyerContext(known, p.known()));
    }

    private static Prepared prepare(List<Product> catalog) {
        Map<String, Product> bySku = catalog.stream().collect(Collectors.toMap(Product::sku, Function.identity(), (a, b) -> a));
        List<KnownProduct> products = catalog.stream().map(p -> new KnownProduct(p.sku(), p.spu(), p.title(), p.category(),
                p.attributes() == null ? Map.of() : p.attributes(), p.tags() == null ? List.of() : p.tags())).toList();
        return new Prepared(bySku, KnownCatalog.of(products));
    }

    /** The nouns the message may name an item by, for matching order titles by meaning. */
    public List<String> itemNouns(Understanding u) {
        return nlu.itemNouns(u.text());
    }

    @Override
    public Optional<Boolean> yesNo(String text, String pendingKind) {
        Slots s = nlu.understand(text, BuyerContext.empty()).slots();
        // 取消 words mean "not this action", never a request to cancel the order instead
        boolean otherKind = s.afterSaleKind().filter(k -> k != AfterSaleKind.CANCEL && !k.name().equals(pendingKind)).isPresent();
        boolean correction = s.yesNo().filter(y -> y == YesNo.NO).isPresent()
                && (s.targetSize().isPresent() || s.sizeDirection().isPresent());
        return otherKind || correction ? Optional.empty() : s.yesNo().map(y -> y == YesNo.YES);
    }
}
