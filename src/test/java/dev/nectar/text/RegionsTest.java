package dev.nectar.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {
    private final Regions regions = Regions.load(Path.of("prompts", "understanding", "regions.json"));

    @Test
    void aCityLiesInItsProvinceAndItsArea() {
        assertThat(regions.containing("成都")).startsWith("四川").contains("西南");
        assertThat(regions.containing("合肥")).contains("安徽", "江浙沪皖", "华东");
        assertThat(regions.containing("上海")).contains("江浙沪", "江浙沪皖", "华东").doesNotContain("西南");
        assertThat(regions.containing("香港")).contains("港澳台");
    }

    @Test
    void aTextNamesItsPlacesLongestFirst() {
        assertThat(regions.places("寄到哈尔滨要几天")).containsExactly("哈尔滨");
        assertThat(regions.places("江浙沪包邮吗")).containsExactly("江浙沪");
        assertThat(regions.places("魔都几天能到")).containsExactly("魔都");
        assertThat(regions.containing("魔都")).startsWith("上海");
    }

    @Test
    void wordsThatAreAlsoPlaceNamesAreNoPlaces() {
        // 开封 is also "unsealed": a shelf-life question is not about Henan
        assertThat(regions.places("开封后能放多久")).isEmpty();
        assertThat(regions.containing("发货")).isEmpty();
    }
}
