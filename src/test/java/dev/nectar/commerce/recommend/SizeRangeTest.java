package dev.nectar.commerce.recommend;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SizeRangeTest {

    @Test
    void readsTheRangesProductsDeclare() {
        assertThat(SizeRange.in("适合中型犬(8-18kg)")).containsExactly(new SizeRange(8, 18));
        assertThat(SizeRange.in("L码适合11~16公斤宝宝")).containsExactly(new SizeRange(11, 16));
        assertThat(SizeRange.in("适合3kg以下小型犬")).containsExactly(new SizeRange(0, 3));
        assertThat(SizeRange.in("适合十五斤以内的猫咪")).containsExactly(new SizeRange(0, 7.5));
        assertThat(SizeRange.in("大型犬,18kg以上")).containsExactly(new SizeRange(18, Double.POSITIVE_INFINITY));
        assertThat(SizeRange.in("6到10斤")).containsExactly(new SizeRange(3, 5));
    }

    @Test
    void aPackSizeOrAnAgeIsNoRange() {
        assertThat(SizeRange.in("鸡肉狗粮 6kg")).isEmpty();
        assertThat(SizeRange.in("适合0-6个月宝宝")).isEmpty();
        assertThat(SizeRange.in(null)).isEmpty();
    }

    @Test
    void boundsAreInclusive() {
        SizeRange r = new SizeRange(8, 18);
        assertThat(List.of(7.9, 8.0, 18.0, 18.1)).map(r::contains).containsExactly(false, true, true, false);
        assertThat(r.label()).isEqualTo("8-18kg");
        assertThat(new SizeRange(0, 7.5).label()).isEqualTo("7.5kg以内");
        assertThat(new SizeRange(18, Double.POSITIVE_INFINITY).label()).isEqualTo("18kg以上");
    }
}
