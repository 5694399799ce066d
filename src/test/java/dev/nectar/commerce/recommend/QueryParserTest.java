package dev.nectar.commerce.recommend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "100元以内的洗面奶        | -   | 100 | -",
            "两百以内有什么面霜        | -   | 200 | -",
            "200块左右的礼物          | -   | -   | 200",
            "预算三百左右买哪个         | -   | -   | 300",
            "一百五到两百块的          | 150 | 200 | -",
            "价位100-300            | 100 | 300 | -",
            "50元以上的               | 50  | -   | -",
            "不超过80块              | -   | 80  | -",
            "预算500                | -   | 500 | -",
            "１２０元以内             | -   | 120 | -",
            "五十块以内有什么可以买      | -   | 50  | -",
            "适合5-15kg的            | -   | -   | -",
            "100ml以内的小瓶装         | -   | -   | -",
            "一岁以上的狗粮            | -   | -   | -",
            "3天内能发货吗             | -   | -   | -",
            "15kg以上的大狗           | -   | -   | -"})
    void readsPriceBounds(String text, BigDecimal min, BigDecimal max, BigDecimal around) {
        RecommendationQuery q = QueryParser.parse(text.strip());
        assertThat(q.priceMin()).as("min").isEqualTo(min == null ? null : min);
        assertThat(q.priceMax()).as("max").isEqualTo(max == null ? null : max);
        assertThat(q.priceAround()).as("around").isEqualTo(around == null ? null : around);
        assertThat(q.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "想给20斤的泰迪买个胸背带 | 10.0",
            "宝宝10公斤用哪个码      | 10.0",
            "8.5kg的猫能用吗        | 8.5",
            "十二公斤的狗           | 12.0",
            "5kg装的狗粮           | -",
            "适合5-15kg的          | -",
            "推荐个洗面奶           | -"})
    void readsBodyWeight(String text, Double kg) {
        assertThat(QueryParser.parse(text.strip()).weightKg()).isEqualTo(kg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "家里有三只猫,买哪个    | 3",
            "两条狗吃什么狗粮       | 2",
            "两个孩子用的         | 2",
            "多猫家庭买哪种        | 2",
            "推荐两个洗面奶        | -",
            "我的猫挑食          | -"})
    void readsHeadCount(String text, Integer count) {
        assertThat(QueryParser.parse(text.strip()).count()).isEqualTo(count);
    }

    @Test
    void numberWords() {
        assertThat(ChineseNumbers.value("两百")).isEqualTo(200);
        assertThat(ChineseNumbers.value("一百五")).isEqualTo(150);
        assertThat(ChineseNumbers.value("一百零五")).isEqualTo(105);
        assertThat(ChineseNumbers.value("三千五")).isEqualTo(3500);
        assertThat(ChineseNumbers.value("二十")).isEqualTo(20);
        assertThat(ChineseNumbers.value("十五")).isEqualTo(15);
        assertThat(ChineseNumbers.value("一万五")).isEqualTo(15000);
        assertThat(ChineseNumbers.value("三百二十")).isEqualTo(320);
        assertThat(ChineseNumbers.normalize("预算1万以内")).isEqualTo("预算10000以内");
        assertThat(ChineseNumbers.normalize("ＳＰＦ５０")).isEqualTo("spf50");
    }

    @Test
    void explicitSlotsWinOverParsedText() {
        RecommendationQuery parsed = QueryParser.parse("两百以内的面霜,家里两只猫");
        RecommendationQuery merged = parsed.overriddenBy(new RecommendationQuery(null, null, new BigDecimal("150"), null, "美妆", null, null, 5));
        assertThat(merged.priceMax()).isEqualByComparingTo("150");
        assertThat(merged.category()).isEqualTo("美妆");
        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.text()).isEqualTo("两百以内的面霜,家里两只猫");
        assertThat(merged.effectiveLimit()).isEqualTo(5);
        assertThat(RecommendationQuery.of("x").effectiveLimit()).isEqualTo(3);
    }

    @Test
    void aroundIsTwentyFivePercentEitherSide() {
        RecommendationQuery q = QueryParser.parse("200块左右");
        assertThat(q.lowest()).isEqualByComparingTo("150");
        assertThat(q.highest()).isEqualByComparingTo("250");
    }
}
