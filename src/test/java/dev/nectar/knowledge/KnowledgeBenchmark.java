package dev.nectar.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.platform.Json;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion throughput and query latency at 10,000 chunks. Not a test: it prints figures and asserts only that the
 * work was done. Its name does not end in Test, so the normal build skips it; run it alone with
 * {@code mvn -B -o test -Dtest=KnowledgeBenchmark} (figures and set-up in docs/knowledge.md). The knowledge tables
 * need no merchant row, so the corpus lives under a fixed merchant id that no test uses.
 */
@QuarkusTest
class KnowledgeBenchmark {
    private static final int TARGET_CHUNKS = 10_000;
    private static final int WARM_UP = 50;
    private static final int QUERIES = 1_000;
    private static final String[] PRODUCTS = {"明前龙井", "高山乌龙", "陈年普洱", "轻量登山鞋", "防风冲锋衣", "儿童保温杯", "婴儿湿巾",
            "山茶花护手霜", "清爽防晒喷雾", "鸡肉冻干", "刻字马克杯", "竹编收纳篮", "露营折叠椅", "速干毛巾", "羊毛徒步袜"};
    private static final String[] PEOPLE = {"三岁以上的孩子", "敏感肌", "成年猫", "中大型犬", "长途徒步的人", "上班族", "孕期妈妈"};
    private static final String[] PLACES = {"江浙沪", "广东", "北京", "四川", "新疆", "黑龙江", "海南"};

    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeRetriever retriever;

    @Inject
    KnowledgeIndex index;

    @Inject
    EmbeddingModel model;

    @Test
    void ingestionAndQueryAtTenThousandChunks() throws Exception {
        // -Dbench.reuse=true measures queries again over the corpus a previous run left in target/test-data
        boolean reuse = Boolean.getBoolean("bench.reuse");
        String m = "bench-knowledge";
        Random random = new Random(2024);
        if (!reuse) {
            service.list(m).forEach(d -> service.delete(m, d.docId()));
        }

        long started = System.nanoTime();
        int chunks = reuse ? index.chunks(m).size() : 0;
        int doc = 0;
        while (chunks < TARGET_CHUNKS) {
            List<CompletableFuture<KnowledgeDocument>> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(service.addText(m, "商品手册 " + doc++, manual(random), DocumentType.MARKDOWN).toCompletableFuture());
            }
            for (CompletableFuture<KnowledgeDocument> f : batch) {
                KnowledgeDocument d = f.get(10, TimeUnit.MINUTES);
                assertThat(d.status()).isEqualTo(DocumentStatus.READY);
                chunks += d.chunks();
            }
        }
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(index.chunks(m)).hasSize(chunks);

        List<String> queries = queries(random);
        for (int i = 0; i < WARM_UP; i++) {
            retriever.search(m, queries.get(i % queries.size()), 5);
        }
        double[] search = new double[QUERIES];
        double[] embed = new double[QUERIES];
        double[] nearest = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            String q = queries.get(i % queries.size());
            long t0 = System.nanoTime();
            assertThat(retriever.search(m, q, 5)).isNotEmpty();
            long t1 = System.nanoTime();
            float[] vector = model.embed(q).content().vector();
            long t2 = System.nanoTime();
            index.nearest(m, vector, 30);
            long t3 = System.nanoTime();
            search[i] = (t1 - t0) / 1e6;
            embed[i] = (t2 - t1) / 1e6;
            nearest[i] = (t3 - t2) / 1e6;
        }
        System.out.printf("%nknowledge benchmark (%s, %d cores, load average %.1f)%n", System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!reuse) {
            System.out.printf("ingestion: %d documents, %d chunks in %.1f s = %.1f chunks/s%n", doc, chunks, ingestSeconds, chunks / ingestSeconds);
        }
        System.out.printf("search (embed query + vector + lexical + fuse), %d queries at %d chunks: p50 %.1f ms, p99 %.1f ms%n",
                QUERIES, chunks, percentile(search, 50), percentile(search, 99));
        System.out.printf("  query embedding alone: p50 %.1f ms, p99 %.1f ms%n", percentile(embed, 50), percentile(embed, 99));
        System.out.printf("  exact vector search alone (k=30): p50 %.1f ms, p99 %.1f ms%n", percentile(nearest, 50), percentile(nearest, 99));
    }

    /** A product manual of 25 products with 5 to 8 specific sentences each (about 100 chunks). */
    private static String manual(Random r) {
        StringBuilder md = new StringBuilder("# 商品手册\n");
        for (int p = 0; p < 25; p++) {
            String name = PRODUCTS[r.nextInt(PRODUCTS.length)] + (100 + r.nextInt(900)) + "型";
            md.append("\n## ").append(name).append("\n");
            int sentences = 5 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                md.append(switch (r.nextInt(6)) {
                    case 0 -> name + "的保质期是" + (6 + r.nextInt(30)) + "个月，开封后请在" + (7 + r.nextInt(50)) + "天内用完。";
                    case 1 -> name + "适合" + PEOPLE[r.nextInt(PEOPLE.length)] + "使用，每次用量大约" + (2 + r.nextInt(15)) + "克。";
                    case 2 -> "寄往" + PLACES[r.nextInt(PLACES.length)] + "的" + name + "满" + (39 + r.nextInt(200)) + "元包邮，否则运费"
                            + (5 + r.nextInt(15)) + "元。";
                    case 3 -> name + "签收后" + (7 + r.nextInt(24)) + "天内出现质量问题可以申请换货，请拍照上传凭证。";
                    case 4 -> "清洗" + name + "时水温不要超过" + (30 + r.nextInt(40)) + "℃，不能放进洗碗机和消毒柜。";
                    default -> name + "的包装尺寸是" + (10 + r.nextInt(40)) + "×" + (10 + r.nextInt(40)) + "厘米，重量约"
                            + (100 + r.nextInt(900)) + "克。";
                }).append(r.nextInt(3) == 0 ? "\n" : "");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** The demo shop's questions and product questions in the corpus's own terms. */
    private static List<String> queries(Random r) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = KnowledgeBenchmark.class.getResourceAsStream("/knowledge/demo-questions.json")) {
            List<KnowledgeRecallTest.Question> demo = Json.MAPPER.readValue(in, new TypeReference<>() {
            });
            demo.forEach(q -> out.add(q.q()));
        }
        for (int i = 0; i < 100; i++) {
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            out.add(switch (i % 4) {
                case 0 -> product + "保质期多久";
                case 1 -> product + "寄到" + PLACES[r.nextInt(PLACES.length)] + "包邮吗";
                case 2 -> product + "可以放洗碗机吗";
                default -> product + "多重";
            });
        }
        return out;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
