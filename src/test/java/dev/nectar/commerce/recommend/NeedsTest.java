package dev.nectar.commerce.recommend;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NeedsTest {
    private static final Needs NEEDS = Needs.load(Path.of("prompts", "recommend", "needs.json"));

    @Test
    void aNeedThatNamesNoProductAsksForTheWordsProductsAreCalledBy() {
        assertThat(NEEDS.asked("上班天天用电脑,手腕好酸")).anySatisfy(words -> assertThat(words).contains("护腕"));
        assertThat(NEEDS.asked("家里猫老掉毛")).anySatisfy(words -> assertThat(words).contains("除毛"));
        assertThat(NEEDS.asked("晚上骑车怕看不清路")).anySatisfy(words -> assertThat(words).contains("反光"));
    }

    @Test
    void aCueIsSaidWithWordsSlippedBetweenItsCharactersWithinOneClause() {
        assertThat(Needs.said("手腕酸", "手腕好酸")).isTrue();
        assertThat(Needs.said("手腕酸", "手腕有点酸")).isTrue();
        assertThat(Needs.said("手腕酸", "手腕,今天的酸奶")).isFalse();
        assertThat(Needs.said("怕冷", "怕冷")).isTrue();
        assertThat(Needs.said("怕冷", "怕它买回来不够冷")).isFalse();
        assertThat(Needs.said("给猫洗澡", "冬天不方便给猫洗澡")).isFalse();
        assertThat(Needs.said("不爱喝水", "猫不爱喝水")).isTrue();
    }

    @Test
    void aPlainRequestStatesNoNeed() {
        assertThat(NEEDS.asked("有没有蓝色的连衣裙")).isEmpty();
        assertThat(Needs.none().asked("手腕好酸")).isEmpty();
    }

    @Test
    void aWordCoversItsKinds() {
        assertThat(NEEDS.covering("海鲜")).contains("海鲜", "虾", "三鲜");
        assertThat(NEEDS.covering("真皮")).containsExactly("真皮");
    }
}
