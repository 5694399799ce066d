package dev.nectar.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HomophoneCorrectorTest {
    private final HomophoneCorrector merchantWords = new HomophoneCorrector(List.of("顺丰", "运费", "包邮", "发票", "售后"));

    @Test
    void typosAreRepairedInPlace() {
        assertThat(merchantWords.correct("运废怎么算")).isEqualTo("运费怎么算");
        assertThat(merchantWords.correct("受后多少天")).isEqualTo("售后多少天");
    }

    @Test
    void aDictionaryWordIsKeptButItsHomophoneIsOfferedBesideIt() {
        // 顺风 is a word of its own, so it is not replaced; a search adds 顺丰 beside it
        assertThat(merchantWords.correct("支持发顺风吗")).isEqualTo("支持发顺风吗");
        assertThat(merchantWords.alternatives("支持发顺风吗")).containsExactly("顺丰");
        assertThat(merchantWords.alternatives("你们家包油吗")).contains("包邮");
        assertThat(merchantWords.withAlternatives("支持发顺风吗")).isEqualTo("支持发顺风吗 顺丰");
    }

    @Test
    void theMerchantsOwnWordsAndUnrelatedTextGetNoAlternatives() {
        assertThat(merchantWords.alternatives("运费怎么算")).isEmpty();
        assertThat(merchantWords.alternatives("今天天气不错")).isEmpty();
        assertThat(merchantWords.withAlternatives("运费怎么算")).isEqualTo("运费怎么算");
    }
}
