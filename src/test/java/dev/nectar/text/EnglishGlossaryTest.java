package dev.nectar.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EnglishGlossaryTest {
    private final EnglishGlossary glossary = EnglishGlossary.load(Path.of("prompts", "understanding", "english.json"));

    @Test
    void englishQuestionsGetTheirChineseWordsAdded() {
        assertThat(glossary.glossed("Cash on delivery OK?")).startsWith("Cash on delivery OK?").contains("货到付款");
        assertThat(glossary.glossed("Can I get an invoice?")).contains("发票");
    }

    @Test
    void aLongerPhraseConsumesItsWordsAndWordsMatchWhole() {
        String glossed = glossary.glossed("cash on delivery");
        assertThat(glossed).contains("货到付款").doesNotContain("配送");
        assertThat(glossary.glossed("shipment of codfish")).doesNotContain("货到付款"); // cod only as a whole word
    }

    @Test
    void aPluralIsTheSameWord() {
        assertThat(glossary.glossed("the tomatoes are cracked")).contains("番茄");
        assertThat(glossary.glossed("two litter boxes")).contains("猫砂盆");
        assertThat(glossary.glossed("tomatoish")).isEqualTo("tomatoish");
    }

    @Test
    void chineseTextIsLeftAlone() {
        assertThat(glossary.glossed("支持货到付款吗")).isEqualTo("支持货到付款吗");
    }
}
