package dev.nectar.commerce.recommend;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking over a fictional shop with the real embedding model; the catalog is an in-memory stand-in for the store. */
class ProductRecommenderTest {
    private static final EmbeddingModel BGE = new BgeSmallZhV15QuantizedEmbeddingModel();
    private static final String SHOP = "toy-shop";

    /** Counts the texts sent to the model, to see what the cache spares. */
    static final class CountingModel implements EmbeddingModel {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            texts.addAndGet(segments.size());
            return BGE.embedAll(segments);
        }
    }

    static final class MemoryCatalog implements CatalogStore {
        final Map<String, Map<String, Product>> products = new ConcurrentHashMap<>();

        @Override
        public void upsert(String merchantId, List<Product> list) {
            list.forEach(p -> products.computeIfAbsent(merchantId, k -> new ConcurrentHashMap<>()).put(p.sku(), p));
        }

        @Override
        public Optional<Product> find(String merchantId, String sku) {
            return Optional.ofNullable(products.getOrDefault(merchantId, Map.of()).get(sku));
        }

        @Override
        public List<Product> bySpu(String merchantId, String spu) {
            return all(merchantId).stream().filter(p -> p.spu().equals(spu)).toList();
        }

        @Override
        public List<Product> all(String merchantId) {
            return new ArrayList<>(products.getOrDefault(merchantId, Map.of()).values());
        }
    }

    private static Product p(String sku, String spu, String title, String category, String price, int stock, String description,
                             List<String> tags, double rating, long sales) {
        return new Product(sku, spu, title, category, new BigDecimal(price), stock, description, Map.of(), tags, rating, sales);
    }

    static final List<Product> CATALOG = List.of(
            p("B-GEL-CALM", "B-GEL-CALM", "舒缓洁面啫喱 100ml", "美妆", "69", 40, "温和无刺激,泛红敏感肌日常清洁", List.of("洗面奶", "敏感肌", "无香精"), 4.8, 3200),
            p("B-FOAM-CLEAR", "B-FOAM-CLEAR", "净痘控油洁面泡沫 120ml", "美妆", "49", 60, "深层清洁毛孔,适合油性痘痘肌", List.of("洗面奶", "油皮", "控油"), 4.6, 5400),
            p("B-FOAM-TRAVEL", "B-FOAM-TRAVEL", "敏感肌洗面奶 旅行装", "美妆", "29", 0, "弱酸性配方,敏感肌专用", List.of("洗面奶", "敏感肌"), 5.0, 9000),
            p("B-CREAM-BARRIER", "B-CREAM-BARRIER", "屏障修护霜 50g", "美妆", "159", 30, "积雪草修护泛红,敏感肌适用,长效保湿", List.of("面霜", "敏感肌", "保湿"), 4.9, 2100),
            p("B-CREAM-NIGHT", "B-CREAM-NIGHT", "胶原紧致晚霜 50g", "美妆", "299", 12, "夜间修护,淡化细纹,滋润保湿", List.of("面霜", "抗老", "保湿"), 4.7, 800),
            p("B-MASK", "B-MASK", "补水面膜 10片", "美妆", "89", 100, "玻尿酸补水,晒后急救", List.of("面膜", "补水"), 4.5, 6000),
            p("B-SUN-KIDS", "B-SUN-KIDS", "儿童物理防晒霜 SPF35", "美妆", "98", 25, "温和物理防晒,户外游泳玩水可用", List.of("防晒", "儿童"), 4.7, 1500),
            p("HARN-XS", "HARN", "反光胸背带 XS", "宠物", "39", 20, "适合3kg以下小型犬", List.of("胸背带", "小型犬"), 4.6, 700),
            p("HARN-M", "HARN", "反光胸背带 M", "宠物", "45", 15, "适合中型犬(8-18kg)", List.of("胸背带", "中型犬"), 4.7, 900),
            p("HARN-L", "HARN", "反光胸背带 L", "宠物", "55", 5, "适合大型犬,18kg以上", List.of("胸背带", "大型犬"), 4.8, 400),
            p("DF-SMALL", "DOGFOOD", "鸡肉全价狗粮 1.5kg", "宠物", "69", 50, "鸡肉配方,适口性好", List.of("狗粮"), 4.9, 8000),
            p("DF-BIG", "DOGFOOD", "鸡肉全价狗粮 6kg", "宠物", "219", 30, "鸡肉配方,适口性好", List.of("狗粮"), 4.6, 1200),
            p("CAT-TREE", "CAT-TREE", "实木猫爬架", "宠物", "199", 8, "稳固不晃,适合15斤以内的猫咪", List.of("猫爬架"), 4.8, 300),
            p("PANTS-S", "PANTS", "柔薄拉拉裤 S码 60片", "母婴", "99", 80, "S码适合4-8kg宝宝", List.of("拉拉裤"), 4.7, 2000),
            p("PANTS-M", "PANTS", "柔薄拉拉裤 M码 50片", "母婴", "99", 80, "M码适合7-12公斤宝宝", List.of("拉拉裤"), 4.7, 2600),
            p("PANTS-L", "PANTS", "柔薄拉拉裤 L码 44片", "母婴", "99", 70, "L码适合11~16kg宝宝", List.of("拉拉裤"), 4.8, 1800),
            p("GIFT-BOX", "GIFT-BOX", "护肤礼盒(洁面+面霜)", "美妆", "239", 6, "送妈妈送女友的节日礼物", List.of("礼盒", "送礼"), 4.9, 500));

    MemoryCatalog catalog;
    CountingModel model;
    ProductRecommender recommender;

    @BeforeEach
    void shop() {
        catalog = new MemoryCatalog();
        catalog.upsert(SHOP, CATALOG);
        model = new CountingModel();
        recommender = new ProductRecommender(catalog, new ProductEmbeddings(model), Needs.load(java.nio.file.Path.of("prompts", "recommend", "needs.json")));
    }

    private List<String> skus(String text) {
        return skus(QueryParser.parse(text));
    }

    private List<String> skus(RecommendationQuery q) {
        return recommender.recommend(SHOP, q).stream().map(r -> r.product().sku()).toList();
    }

    @Test
    void sensitiveSkinCleanserBeatsOilySkinOneAndCreams() {
        List<String> got = skus("敏感肌用什么洗面奶好");
        assertThat(got).first().isEqualTo("B-GEL-CALM");
        assertThat(got).doesNotContain("B-FOAM-CLEAR", "B-CREAM-BARRIER", "B-FOAM-TRAVEL");
    }

    @Test
    void oilySkinWithABudget() {
        List<String> got = skus("油皮的洗面奶推荐一个,五十块以内");
        assertThat(got).containsExactly("B-FOAM-CLEAR");
    }

    @Test
    void aCleanserRequestNeverReturnsCreams() {
        assertThat(skus("想买洗面奶")).isNotEmpty().isSubsetOf("B-GEL-CALM", "B-FOAM-CLEAR");
        // the gift box holds a cream, its title says so
        assertThat(skus("想买面霜")).isNotEmpty().isSubsetOf("B-CREAM-BARRIER", "B-CREAM-NIGHT", "GIFT-BOX")
                .doesNotContain("B-GEL-CALM", "B-FOAM-CLEAR");
    }

    @Test
    void aCreamWithinBudget() {
        List<Recommendation> got = recommender.recommend(SHOP, QueryParser.parse("推荐一款保湿面霜,两百以内"));
        assertThat(got).extracting(r -> r.product().sku()).containsExactly("B-CREAM-BARRIER");
        assertThat(got.get(0).reason()).contains("保湿").contains("面霜").contains("评分4.9").contains("在预算内");
    }

    @Test
    void priceAroundKeepsTwentyFivePercentEitherSide() {
        List<Recommendation> got = recommender.recommend(SHOP, new RecommendationQuery("有什么推荐的", null, null,
                new BigDecimal("200"), null, null, null, 10));
        assertThat(got).isNotEmpty().allSatisfy(r -> assertThat(r.product().price()).isBetween(new BigDecimal("150"), new BigDecimal("250")));
    }

    @Test
    void aDogsWeightPicksTheHarnessSizeThatFits() {
        List<Recommendation> got = recommender.recommend(SHOP, QueryParser.parse("给16斤的狗买个胸背带"));
        assertThat(got).extracting(r -> r.product().sku()).containsExactly("HARN-M");
        assertThat(got.get(0).reason()).contains("适合8-18kg");
    }

    @Test
    void aBabysWeightExcludesSizesThatDoNotFit() {
        List<String> got = skus("宝宝11公斤穿什么码的拉拉裤");
        assertThat(got).containsExactlyInAnyOrder("PANTS-M", "PANTS-L");
        assertThat(skus("宝宝5公斤穿什么码的拉拉裤")).containsExactly("PANTS-S");
    }

    @Test
    void severalPetsPreferTheLargerPack() {
        List<Recommendation> got = recommender.recommend(SHOP, QueryParser.parse("家里三只狗,狗粮买哪个"));
        assertThat(got.get(0).product().sku()).isEqualTo("DF-BIG");
        assertThat(got.get(0).reason()).contains("大包装");
        assertThat(recommender.recommend(SHOP, QueryParser.parse("一只狗,狗粮买哪个")).get(0).product().sku()).isEqualTo("DF-SMALL");
    }

    @Test
    void categoryIsAHardFilter() {
        List<Recommendation> got = recommender.recommend(SHOP, new RecommendationQuery("有什么好用的", null, null, null, "宠物", null, null, 10));
        assertThat(got).isNotEmpty().allSatisfy(r -> assertThat(r.product().category()).isEqualTo("宠物"));
        assertThat(skus(new RecommendationQuery("有什么好用的", null, null, null, "拉拉裤", null, null, 10)))
                .containsExactlyInAnyOrder("PANTS-S", "PANTS-M", "PANTS-L");
    }

    @Test
    void outOfStockIsNeverRecommended() {
        for (String text : List.of("敏感肌洗面奶", "旅行装洗面奶", "有什么推荐的")) {
            assertThat(recommender.recommend(SHOP, new RecommendationQuery(text, null, null, null, null, null, null, 10)))
                    .allSatisfy(r -> assertThat(r.product().stock()).isPositive());
        }
    }

    @Test
    void meaningFindsWhatWordsDoNot() {
        assertThat(skus("暑假带小朋友去海边玩,需要涂点什么")).first().isEqualTo("B-SUN-KIDS");
    }

    @Test
    void aNeedThatNamesNoProductFindsWhatItAsksForOverAContextWord() {
        catalog.upsert("desk-shop", List.of(
                p("SPK", "SPK", "桌面电脑小音箱 有线", "数码", "89", 10, "USB供电,即插即用", List.of("音箱"), 4.4, 8800),
                p("PAD", "PAD", "人体工学护腕鼠标垫", "数码", "39", 10, "记忆棉托", List.of("鼠标垫"), 4.6, 3000),
                p("CASE", "CASE", "透明防摔手机壳", "数码", "29", 10, "四角气囊", List.of("手机壳"), 4.7, 16000)));

        assertThat(recommender.recommend("desk-shop", RecommendationQuery.of("上班天天用电脑,手腕好酸")))
                .first().extracting(r -> r.product().sku()).isEqualTo("PAD");
        assertThat(recommender.recommend("desk-shop", RecommendationQuery.of("想买个电脑音箱,手腕也有点酸")))
                .first().extracting(r -> r.product().sku()).isEqualTo("SPK");
    }

    @Test
    void aRuledOutWordRulesOutItsKinds() {
        catalog.upsert("food-shop", List.of(
                p("DUMP-3X", "DUMP-3X", "手工速冻水饺 三鲜馅 1kg", "速冻", "49.9", 10, "虾仁鸡蛋韭菜", List.of("速冻"), 4.7, 7800),
                p("DUMP-PORK", "DUMP-PORK", "手工速冻水饺 猪肉白菜馅 1kg", "速冻", "39.9", 10, "猪肉白菜", List.of("速冻"), 4.6, 12000)));

        assertThat(recommender.recommend("food-shop", RecommendationQuery.of("不吃海鲜,想买点速冻饺子")))
                .extracting(r -> r.product().sku()).containsExactly("DUMP-PORK");
    }

    @Test
    void atMostThreeByDefault() {
        assertThat(recommender.recommend(SHOP, RecommendationQuery.of("有什么推荐的"))).hasSizeBetween(1, 3);
        assertThat(recommender.recommend(SHOP, new RecommendationQuery("有什么推荐的", null, null, null, null, null, null, 5)))
                .hasSizeBetween(1, 5);
    }

    @Test
    void nothingFitsNothingIsReturned() {
        assertThat(recommender.recommend(SHOP, QueryParser.parse("10块以内的面霜"))).isEmpty();
        assertThat(recommender.recommend("empty-shop", RecommendationQuery.of("面霜"))).isEmpty();
    }

    @Test
    void productVectorsAreCachedUntilTheProductChanges() {
        RecommendationQuery broad = new RecommendationQuery("有什么推荐的", null, null, null, null, null, null, 10);
        recommender.recommend(SHOP, broad);
        int first = model.texts.get();
        assertThat(first).as("16 products in stock and the query").isEqualTo(17);
        recommender.recommend(SHOP, broad);
        assertThat(model.texts.get()).as("a second run embeds only the query").isEqualTo(first + 1);

        Product mask = catalog.find(SHOP, "B-MASK").orElseThrow();
        catalog.upsert(SHOP, List.of(new Product(mask.sku(), mask.spu(), mask.title(), mask.category(), mask.price(), mask.stock(),
                "全新配方,深层补水", mask.attributes(), mask.tags(), mask.rating(), mask.sales())));
        recommender.recommend(SHOP, broad);
        assertThat(model.texts.get()).as("the query and the changed product").isEqualTo(first + 3);
    }
}
