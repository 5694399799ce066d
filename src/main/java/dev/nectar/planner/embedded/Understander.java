package dev.nectar.planner.embedded;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.planner.AnswerReader;
import dev.nectar.planner.understanding.BuyerContext;
import dev.nectar.planner.understanding.KnownCatalog;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The understanding layer bound to this shop's data: lexicons from {@code prompts/understanding}. What is derived
 * from a merchant's catalog (its title index above all) is built once per catalog version: the catalog store hands
 * out the same list until the catalog changes, so it is cached by the list's identity.
 */
@Startup
@ApplicationScoped
public class Understander implements AnswerReader {
    /** Catalog versions kept prepared: about one per merchant served recently. */
    private static final int PREPARED_CATALOGS = 256;

    private record Prepared(Map<String, Product> bySku, KnownCatalog known) {
    }

    private final LanguageUnderstanding nlu;
    private final Map<Identity, Prepared> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Prepared> eldest) {
            return size() > PREPARED_CATALOGS;
        }
    };

    public Understander(NectarConfig config) {
        this.nlu = LanguageUnderstanding.load(Path.of(config.promptsDir(), "understanding"));
    }

    public Understanding understand(String text, List<Order> orders, List<Product> catalog) {
        Prepared p = prepare(catalog);
        List<KnownOrder> known = orders.stream().map(o -> new KnownOrder(o.orderId(), o.status().name(),
                o.items().stream().map(i -> new KnownItem(i.sku(), i.title(),
                        Optional.ofNullable(p.bySku().get(i.sku())).map(Product::category).orElse(null))).toList())).toList();
        return nlu.understand(text, new BuyerContext(known, p.known()));
    }

    private Prepared prepare(List<Product> catalog) {
        Identity key = new Identity(catalog);
        synchronized (prepared) {
            Prepared p = prepared.get(key);
            if (p != null) {
                return p;
            }
        }
        // built outside the lock; two turns racing on a new catalog build it twice, harmlessly
        Map<String, Product> bySku = catalog.stream().collect(Collectors.toMap(Product::sku, Function.identity(), (a, b) -> a));
        List<KnownProduct> products = catalog.stream().map(p -> new KnownProduct(p.sku(), p.spu(), p.title(), p.category(),
                p.attributes() == null ? Map.of() : p.attributes(), p.tags() == null ? List.of() : p.tags())).toList();
        Prepared p = new Prepared(bySku, KnownCatalog.of(products));
        synchronized (prepared) {
            prepared.put(key, p);
        }
        return p;
    }

    /** A list compared by identity: hashing or comparing a catalog's content would cost what the cache saves. */
    private record Identity(List<Product> list) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.list == list;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list);
        }
    }

    @Override
    public Optional<Boolean> yesNo(String text) {
        return nlu.understand(text, BuyerContext.empty()).slots().yesNo().map(y -> y == YesNo.YES);
    }
}
