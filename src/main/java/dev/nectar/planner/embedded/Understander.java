package dev.nectar.planner.embedded;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.planner.AnswerReader;
import dev.nectar.planner.understanding.BuyerContext;
import dev.nectar.planner.understanding.KnownItem;
import dev.nectar.planner.understanding.KnownOrder;
import dev.nectar.planner.understanding.KnownProduct;
import dev.nectar.planner.understanding.LanguageUnderstanding;
import dev.nectar.planner.understanding.Understanding;
import dev.nectar.planner.understanding.YesNo;
import dev.nectar.platform.NectarConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The understanding layer bound to this shop's data: lexicons from {@code prompts/understanding}. */
@Startup
@ApplicationScoped
public class Understander implements AnswerReader {
    private final LanguageUnderstanding nlu;

    public Understander(NectarConfig config) {
        this.nlu = LanguageUnderstanding.load(Path.of(config.promptsDir(), "understanding"));
    }

    public Understanding understand(String text, List<Order> orders, List<Product> catalog) {
        Map<String, Product> bySku = catalog.stream().collect(Collectors.toMap(Product::sku, Function.identity(), (a, b) -> a));
        List<KnownOrder> known = orders.stream().map(o -> new KnownOrder(o.orderId(), o.status().name(),
                o.items().stream().map(i -> new KnownItem(i.sku(), i.title(),
                        Optional.ofNullable(bySku.get(i.sku())).map(Product::category).orElse(null))).toList())).toList();
        List<KnownProduct> products = catalog.stream().map(p -> new KnownProduct(p.sku(), p.spu(), p.title(), p.category(),
                p.attributes() == null ? Map.of() : p.attributes(), p.tags() == null ? List.of() : p.tags())).toList();
        return nlu.understand(text, BuyerContext.of(known, products));
    }

    @Override
    public Optional<Boolean> yesNo(String text) {
        return nlu.understand(text, BuyerContext.empty()).slots().yesNo().map(y -> y == YesNo.YES);
    }
}
