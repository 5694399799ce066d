package dev.nectar.commerce.recommend;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.nectar.commerce.CatalogDerived;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Product;
import dev.nectar.platform.NectarConfig;
import dev.nectar.text.ChineseWords;
import dev.nectar.text.HomophoneCorrector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recommends in-stock products of one merchant for a buyer's request.
 *
 * <p>Constraints are hard filters: stock, price bounds (priceAround = ±25%), category, and body weight against the
 * ranges products declare ("适合5-15kg"; products declaring none pass). Relevance combines lexical overlap and
 * semantic similarity. Lexical: character bigrams of the request found in a product's title, tags and category
 * (full weight) or description and attributes (a third), weighted by rarity in the catalog. When some product
 * matches lexically, products matching clearly less than the best are dropped: a request for 洗面奶 shares no
 * bigram with 面霜, and one for 敏感肌的洗面奶 outranks and removes a cleanser tagged 油皮. Semantic: cosine of the
 * request and the product text with the shared embedding model. Rating and sales only break near-ties; a head
 * count of two or more puts the largest pack of an item first among its variants. The buyer's {@link Preferences}
 * (the variant named, their height, the pack, for whom) narrow an item's variants before ranking. A need that names no
 * product (手腕好酸) adds the words of what it asks for ({@link Needs}) at a lower weight.
 */
@ApplicationScoped
public class ProductRecommender {
    /** Products with less than this share of the best lexical match are not what the buyer named. */
    private static final double KEEP_RATIO = 0.7;
    private static final double LEXICAL_WEIGHT = 0.6;
    private static final double DESCRIPTION_WEIGHT = 0.35;
    /** Without any lexical match, keep what is about as similar as the best. */
    private static final double SEMANTIC_MARGIN = 0.1;
    /** Lifts the largest pack just above its item's best variant, never above another item. */
    private static final double PACK_EDGE = 0.01;
    private static final double RATING_WEIGHT = 0.03;
    private static final double SALES_WEIGHT = 0.02;
    private static final Pattern PACK_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kg|g|l|ml|片|包|袋|粒|抽|支|只装|枚|斤|个装|盒|瓶|罐|卷|双装|条装)");

    private final CatalogStore catalog;
    private final ProductEmbeddings embeddings;
    private final Needs needs;
    /** The vocabulary of each merchant's current catalog; a new catalog also lets go of removed products' vectors. */
    private final CatalogDerived<Vocabulary> vocabularies;

    @Inject
    public ProductRecommender(CatalogStore catalog, ProductEmbeddings embeddings, NectarConfig config) {
        this(catalog, embeddings, Needs.load(Path.of(config.promptsDir(), "recommend", "needs.json")));
    }

    ProductRecommender(CatalogStore catalog, ProductEmbeddings embeddings, Needs needs) {
        this.catalog = catalog;
        this.embeddings = embeddings;
        this.needs = needs;
        this.vocabularies = new CatalogDerived<>((merchantId, all) -> {
            embeddings.retain(merchantId, all.stream().map(Product::sku).collect(Collectors.toSet()));
            return new Vocabulary(all);
        });
    }

    public List<Recommendation> recommend(String merchantId, RecommendationQuery q) {
        List<Product> all = catalog.all(merchantId);
        Vocabulary vocabulary = vocabularies.get(merchantId, all);
        // a typo of a word of this catalog (猫凉 for 猫粮, 羽绒福 for 羽绒服): the word joins the request
        Negation negation = Negation.of(vocabulary.homophones.withAlternatives(q.text()), needs);
        List<Product> candidates = all.stream().filter(Product::inStock).filter(p -> priced(p, q))
                .filter(p -> inCategory(p, q.category())).filter(p -> fits(p, q.weightKg()))
                .filter(p -> !negation.excludes(p)).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates = Preferences.of(q.text()).narrow(candidates);
        Set<String> asked = vocabulary.known(Grams.withHeads(negation.rest()));
        // each need the buyer states (手腕好酸) weighs as one rare word, carried by a product named by one of its words
        List<List<String>> stated = needs.asked(negation.rest());
        List<List<Set<String>>> needGrams = stated.stream()
                .map(words -> words.stream().map(Grams::ofWord).filter(g -> !vocabulary.known(g).isEmpty()).toList())
                .filter(words -> !words.isEmpty()).toList();
        Map<String, Double> lexical = new HashMap<>();
        candidates.forEach(p -> lexical.put(p.sku(), vocabulary.score(asked, needGrams, p)));
        double bestLexical = lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (bestLexical > 0) {
            candidates = candidates.stream().filter(p -> lexical.get(p.sku()) >= KEEP_RATIO * bestLexical).toList();
        }
        String needWords = stated.stream().flatMap(List::stream).distinct().collect(Collectors.joining(" "));
        Map<String, Double> semantic = semantic(merchantId, (negation.rest() + " " + needWords).strip(), candidates);
        double bestSemantic = semantic.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (bestLexical == 0) {
            candidates = candidates.stream().filter(p -> semantic.get(p.sku()) >= bestSemantic - SEMANTIC_MARGIN).toList();
        }
        Map<String, Double> relevance = new HashMap<>();
        for (Product p : candidates) {
            relevance.put(p.sku(), bestLexical > 0
                    ? LEXICAL_WEIGHT * lexical.get(p.sku()) + (1 - LEXICAL_WEIGHT) * semantic.get(p.sku())
                    : semantic.get(p.sku()));
        }
        Set<String> bigPacks = q.count() != null && q.count() >= 2 ? largestPacks(candidates, relevance) : Set.of();
        long maxSales = candidates.stream().mapToLong(p -> p.sales() == null ? 0 : p.sales()).max().orElse(0);
        List<Recommendation> ranked = new ArrayList<>();
        for (Product p : candidates) {
            double score = relevance.get(p.sku())
                    + RATING_WEIGHT * (p.rating() == null ? 0 : p.rating() / 5)
                    + SALES_WEIGHT * (maxSales == 0 || p.sales() == null ? 0 : Math.log1p(p.sales()) / Math.log1p(maxSales));
            ranked.add(new Recommendation(p, score, reason(p, q, union(asked, needGrams), bigPacks.contains(p.sku()))));
        }
        ranked.sort(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(r -> r.product().sku()));
        return List.copyOf(ranked.subList(0, Math.min(q.effectiveLimit(), ranked.size())));
    }

    private static Set<String> union(Set<String> asked, List<List<Set<String>>> needGrams) {
        Set<String> out = new HashSet<>(asked);
        needGrams.forEach(words -> words.forEach(out::addAll));
        return out;
    }

    private Map<String, Double> semantic(String merchantId, String text, List<Product> candidates) {
        Map<String, Double> out = new HashMap<>();
        if (text == null || text.isBlank()) {
            candidates.forEach(p -> out.put(p.sku(), 0.0));
            return out;
        }
        Embedding query = embeddings.embed(text);
        Map<String, Embedding> vectors = embeddings.of(merchantId, candidates);
        candidates.forEach(p -> out.put(p.sku(), CosineSimilarity.between(query, vectors.get(p.sku()))));
        return out;
    }

    private static boolean priced(Product p, RecommendationQuery q) {
        BigDecimal low = q.lowest();
        BigDecimal high = q.highest();
        return (low == null || p.price().compareTo(low) >= 0) && (high == null || p.price().compareTo(high) <= 0);
    }

    /** The product's category, or a word in its title or tags (callers pass 洗面奶 as often as 美妆). */
    private static boolean inCategory(Product p, String category) {
        if (category == null || category.isBlank()) {
            return true;
        }
        String c = category.strip().toLowerCase(Locale.ROOT);
        return c.equalsIgnoreCase(p.category()) || p.title().toLowerCase(Locale.ROOT).contains(c)
                || (p.tags() != null && p.tags().stream().anyMatch(t -> t.equalsIgnoreCase(c)));
    }

    private static boolean fits(Product p, Double weightKg) {
        if (weightKg == null) {
            return true;
        }
        List<SizeRange> ranges = ranges(p);
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(weightKg));
    }

    private static List<SizeRange> ranges(Product p) {
        List<SizeRange> ranges = new ArrayList<>(SizeRange.in(p.description()));
        if (p.attributes() != null) {
            p.attributes().values().forEach(v -> ranges.addAll(SizeRange.in(v)));
        }
        return ranges;
    }

    /**
     * For a household of several: the largest pack of each item (spu) offered in several sizes takes the relevance
     * of the item's best variant plus an edge, so it leads its item; returns those packs.
     */
    private static Set<String> largestPacks(List<Product> candidates, Map<String, Double> relevance) {
        Set<String> big = new HashSet<>();
        candidates.stream().filter(p -> packSize(p).isPresent()).collect(Collectors.groupingBy(Product::spu)).values().stream()
                .filter(variants -> variants.size() > 1)
                .forEach(variants -> {
                    Product largest = variants.stream().max(Comparator.comparingDouble(p -> packSize(p).orElseThrow())).orElseThrow();
                    double best = variants.stream().mapToDouble(p -> relevance.get(p.sku())).max().orElseThrow();
                    relevance.put(largest.sku(), best + PACK_EDGE);
                    big.add(largest.sku());
                });
        return big;
    }

    /** Pack size in base units (g, ml or pieces; 斤 as 500 g) from the attributes, else the title. */
    static Optional<Double> packSize(Product p) {
        String text = (p.attributes() == null ? "" : String.join(" ", p.attributes().values())) + " " + p.title();
        Matcher m = PACK_SIZE.matcher(ChineseNumbers.normalize(text));
        if (!m.find()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "kg", "l" -> n * 1000;
            case "斤" -> n * 500;
            default -> n;
        });
    }

    private static String reason(Product p, RecommendationQuery q, Set<String> asked, boolean bigPack) {
        List<String> parts = new ArrayList<>();
        List<String> tags = p.tags() == null ? List.of() : p.tags().stream()
                .filter(t -> Grams.of(t).stream().anyMatch(asked::contains)).limit(2).toList();
        if (!tags.isEmpty()) {
            parts.add(String.join("、", tags));
        }
        if (q.weightKg() != null) {
            ranges(p).stream().filter(r -> r.contains(q.weightKg())).findFirst().ifPresent(r -> parts.add("适合" + r.label()));
        }
        if (bigPack) {
            parts.add("大包装更划算");
        }
        if (q.lowest() != null || q.highest() != null) {
            parts.add(p.price().stripTrailingZeros().toPlainString() + "元,在预算内");
        }
        if (p.rating() != null) {
            parts.add("评分" + p.rating());
        }
        if (p.sales() != null && p.sales() > 0) {
            parts.add("已售" + (p.sales() >= 10000 ? BigDecimal.valueOf(p.sales()).movePointLeft(4)
                    .setScale(1, java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "万" : p.sales()));
        }
        return parts.isEmpty() ? p.title() : String.join(",", parts);
    }

    /** Bigram rarity over the merchant's whole catalog, and where each product carries each bigram. */
    private static final class Vocabulary {
        private final Map<String, Set<String>> strong = new HashMap<>();
        private final Map<String, Set<String>> weak = new HashMap<>();
        private final Map<String, Integer> documents = new HashMap<>();
        private final int size;
        /** The words products are named by (titles, categories, tags), to read the buyer's homophone typos of them. */
        private final HomophoneCorrector homophones;

        Vocabulary(List<Product> products) {
            size = products.size();
            Set<String> words = new HashSet<>();
            for (Product p : products) {
                String named = String.join(" ", p.title(), p.category(), p.tags() == null ? "" : String.join(" ", p.tags()));
                words.addAll(ChineseWords.content(named));
                Set<String> s = Grams.of(named);
                s.addAll(Grams.characters(named));
                Set<String> w = Grams.of(String.join(" ", p.description() == null ? "" : p.description(),
                        p.attributes() == null ? "" : String.join(" ", p.attributes().values())));
                w.removeAll(s);
                strong.put(p.sku(), s);
                weak.put(p.sku(), w);
                s.forEach(g -> documents.merge(g, 1, Integer::sum));
                w.forEach(g -> documents.merge(g, 1, Integer::sum));
            }
            homophones = new HomophoneCorrector(words);
        }

        Set<String> known(Set<String> grams) {
            return grams.stream().filter(documents::containsKey).collect(Collectors.toSet());
        }

        /**
         * Share of the asked bigrams' rarity that the product carries, 0..1; each need (the grams of each of its words)
         * adds the rarity of a word only one product has, carried as far as the product has all grams of the need's best word.
         */
        double score(Set<String> asked, List<List<Set<String>>> needs, Product p) {
            double total = 0;
            double matched = 0;
            for (String g : asked) {
                double idf = idf(g);
                total += idf;
                matched += carried(g, p) * idf;
            }
            double rare = Math.log(1 + size);
            for (List<Set<String>> words : needs) {
                total += rare;
                matched += rare * words.stream().mapToDouble(w -> w.stream().mapToDouble(g -> carried(g, p)).average().orElse(0))
                        .max().orElse(0);
            }
            return total == 0 ? 0 : matched / total;
        }

        private double idf(String gram) {
            return Math.log(1 + (double) size / documents.get(gram));
        }

        /** 1 where the product is named by the gram, {@link #DESCRIPTION_WEIGHT} where only its description has it. */
        private double carried(String gram, Product p) {
            return strong.get(p.sku()).contains(gram) ? 1 : weak.get(p.sku()).contains(gram) ? DESCRIPTION_WEIGHT : 0;
        }
    }
}
