package dev.nectar.knowledge;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link KnowledgeIndex} must do, run against each implementation (H2 in memory, pgvector). Vectors are
 * synthetic and unit length, so expected neighbours are known exactly.
 */
abstract class KnowledgeIndexContract {
    private final Random random = new Random(42);

    /** The database the index under test writes to. */
    abstract Database db();

    /** The index under test. */
    abstract KnowledgeIndex index();

    /** A second index over the same data, as another node (or the same node after a restart) would have. */
    abstract KnowledgeIndex anotherNode();

    /** Closes the index's database and opens the same data again, as a restart does. */
    abstract KnowledgeIndex restart();

    private static String merchant() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unit vector along one axis, slightly blurred so neighbours are distinct but unambiguous. */
    private float[] axis(int axis) {
        float[] v = new float[KnowledgeIndex.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.002);
        }
        v[axis] += 1;
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static KnowledgeIndex.EmbeddedChunk chunk(String docId, int ordinal, String text, float[] vector) {
        return new KnowledgeIndex.EmbeddedChunk(new KnowledgeChunk(docId + "#" + ordinal, docId, "标题 " + docId,
                "退换货政策 > 七天无理由", text, "退换货政策 > 七天无理由\n" + text), vector);
    }

    private void replace(KnowledgeIndex index, String merchantId, String docId, List<KnowledgeIndex.EmbeddedChunk> chunks) {
        db().inTransaction(c -> {
            index.replace(c, merchantId, docId, chunks);
            return null;
        });
    }

    private void remove(String merchantId, String docId) {
        db().inTransaction(c -> {
            index().remove(c, merchantId, docId);
            return null;
        });
    }

    private static List<String> ids(List<KnowledgeIndex.VectorHit> hits) {
        return hits.stream().map(KnowledgeIndex.VectorHit::chunkId).toList();
    }

    @Test
    void nearestReturnsTheClosestChunksFirstWithTheirCosine() {
        String m = merchant();
        replace(index(), m, "d1", List.of(chunk("d1", 0, "七天内可以退", axis(0)), chunk("d1", 1, "运费买家承担", axis(1)),
                chunk("d1", 2, "退款两天到账", axis(2))));
        float[] query = axis(1);

        List<KnowledgeIndex.VectorHit> hits = index().nearest(m, query, 2);

        assertThat(ids(hits)).containsExactly("d1#1", hits.get(1).chunkId());
        assertThat(hits.get(0).similarity()).isCloseTo(1.0, within(0.01));
        assertThat(hits.get(0).similarity()).isGreaterThan(hits.get(1).similarity());
        assertThat(hits.get(1).similarity()).isCloseTo(0.0, within(0.1));
        assertThat(index().nearest(m, query, 10)).hasSize(3);
    }

    @Test
    void chunksKeepTheirFieldsAndOrder() {
        String m = merchant();
        replace(index(), m, "d1", List.of(chunk("d1", 0, "签收后 7 天内，商品完好可退。", axis(3)), chunk("d1", 1, "第二段", axis(4))));

        assertThat(index().chunks(m)).containsExactly(
                new KnowledgeChunk("d1#0", "d1", "标题 d1", "退换货政策 > 七天无理由", "签收后 7 天内，商品完好可退。",
                        "退换货政策 > 七天无理由\n签收后 7 天内，商品完好可退。"),
                new KnowledgeChunk("d1#1", "d1", "标题 d1", "退换货政策 > 七天无理由", "第二段", "退换货政策 > 七天无理由\n第二段"));
    }

    @Test
    void replaceDropsEveryOldChunkOfTheDocument() {
        String m = merchant();
        replace(index(), m, "d1", List.of(chunk("d1", 0, "旧的一", axis(5)), chunk("d1", 1, "旧的二", axis(6)),
                chunk("d1", 2, "旧的三", axis(7))));
        replace(index(), m, "d1", List.of(chunk("d1", 0, "新的", axis(8))));

        assertThat(index().chunks(m)).extracting(KnowledgeChunk::text).containsExactly("新的");
        assertThat(ids(index().nearest(m, axis(6), 10))).containsExactly("d1#0");
    }

    @Test
    void removeDropsOnlyThatDocument() {
        String m = merchant();
        replace(index(), m, "d1", List.of(chunk("d1", 0, "一", axis(9))));
        replace(index(), m, "d2", List.of(chunk("d2", 0, "二", axis(10))));

        remove(m, "d1");

        assertThat(index().chunks(m)).extracting(KnowledgeChunk::docId).containsExactly("d2");
        assertThat(ids(index().nearest(m, axis(9), 10))).containsExactly("d2#0");
    }

    @Test
    void merchantsNeverSeeEachOthersChunks() {
        String a = merchant();
        String b = merchant();
        float[] same = axis(11);
        replace(index(), a, "d1", List.of(chunk("d1", 0, "甲店的秘密", same)));
        replace(index(), b, "d9", List.of(chunk("d9", 0, "乙店", axis(12))));

        assertThat(ids(index().nearest(b, same, 10))).containsExactly("d9#0");
        assertThat(index().chunks(b)).extracting(KnowledgeChunk::text).containsExactly("乙店");
        assertThat(index().similarities(b, same, List.of("d1#0"))).isEmpty();
        assertThat(index().nearest(merchant(), same, 10)).isEmpty();
    }

    @Test
    void similaritiesAgreeWithNearest() {
        String m = merchant();
        replace(index(), m, "d1", IntStream.range(0, 5).mapToObj(i -> chunk("d1", i, "段落" + i, axis(20 + i))).toList());
        float[] query = unit(axis(21).clone());

        Map<String, Double> sims = index().similarities(m, query, List.of("d1#1", "d1#3", "unknown#0"));

        assertThat(sims).containsOnlyKeys("d1#1", "d1#3");
        index().nearest(m, query, 5).forEach(h -> {
            if (sims.containsKey(h.chunkId())) {
                assertThat(sims.get(h.chunkId())).isCloseTo(h.similarity(), within(1e-4));
            }
        });
    }

    @Test
    void revisionMovesOnEveryWriteOfThatMerchantOnly() {
        String m = merchant();
        String other = merchant();
        assertThat(index().revision(m)).isZero();

        replace(index(), m, "d1", List.of(chunk("d1", 0, "一", axis(30))));
        long afterReplace = index().revision(m);
        remove(m, "d1");
        long afterRemove = index().revision(m);

        assertThat(afterReplace).isPositive();
        assertThat(afterRemove).isGreaterThan(afterReplace);
        assertThat(index().revision(other)).isZero();
    }

    @Test
    void aWriteRolledBackLeavesNoTrace() {
        String m = merchant();
        assertThatThrownBy(() -> db().inTransaction(c -> {
            index().replace(c, m, "d1", List.of(chunk("d1", 0, "一", axis(31))));
            throw new SQLException("the caller failed after writing");
        })).isInstanceOf(Database.StoreException.class);

        assertThat(index().chunks(m)).isEmpty();
        assertThat(index().revision(m)).isZero();
    }

    @Test
    void anotherNodeSeesWritesAtOnce() {
        String m = merchant();
        KnowledgeIndex other = anotherNode();
        replace(index(), m, "d1", List.of(chunk("d1", 0, "一", axis(32))));
        assertThat(other.chunks(m)).hasSize(1);

        replace(index(), m, "d2", List.of(chunk("d2", 0, "二", axis(33))));
        remove(m, "d1");

        assertThat(other.chunks(m)).extracting(KnowledgeChunk::docId).containsExactly("d2");
        assertThat(ids(other.nearest(m, axis(32), 10))).containsExactly("d2#0");
    }

    @Test
    void chunksSurviveARestart() {
        String m = merchant();
        float[] v = axis(34);
        replace(index(), m, "d1", List.of(chunk("d1", 0, "重启后还在", v), chunk("d1", 1, "第二块", axis(35))));

        KnowledgeIndex reopened = restart();

        assertThat(reopened.chunks(m)).extracting(KnowledgeChunk::text).containsExactly("重启后还在", "第二块");
        List<KnowledgeIndex.VectorHit> hits = reopened.nearest(m, v, 1);
        assertThat(ids(hits)).containsExactly("d1#0");
        assertThat(hits.get(0).similarity()).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void vectorsOfAnotherSizeAreRefused() {
        String m = merchant();
        assertThatThrownBy(() -> replace(index(), m, "d1", List.of(chunk("d1", 0, "一", new float[384]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index().chunks(m)).isEmpty();
    }
}
