package dev.nectar.commerce.recommend;

import dev.nectar.commerce.Product;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NegationTest {
    private static Product product(String title, String category) {
        return new Product(title, title, title, category, new BigDecimal("99.00"), 5, "", Map.of(), List.of(), null, null);
    }

    @Test
    void ruledOutWordsExcludeProductsThatNameThemAndLeaveTheRequest() {
        Negation n = Negation.of("羽绒服 不要鹅绒的 鸭绒就行");
        assertThat(n.terms()).containsExactly("鹅绒");
        assertThat(n.rest()).doesNotContain("鹅绒").contains("鸭绒");
        assertThat(n.excludes(product("白鹅绒羽绒服 女款", "外套"))).isTrue();
        assertThat(n.excludes(product("白鸭绒羽绒服 男款", "外套"))).isFalse();
        assertThat(Negation.of("不吃海鲜,想买点速冻饺子").excludes(product("速冻水饺", "海鲜水产"))).isTrue();
        assertThat(Negation.of("boots, no leather please").terms()).containsExactly("leather");
        // a tag that denies the word (非真皮) does not name it
        assertThat(Negation.of("不要真皮的,想买双马丁靴").excludes(new Product("MB", "MB", "超纤马丁靴", "鞋靴", new BigDecimal("299"), 5,
                "", Map.of(), List.of("马丁靴", "非真皮"), null, null))).isFalse();
        assertThat(Negation.of("不要真皮的").excludes(new Product("CB", "CB", "切尔西靴", "鞋靴", new BigDecimal("499"), 5,
                "", Map.of(), List.of("真皮"), null, null))).isTrue();
    }

    @Test
    void aRequestWithoutNegationExcludesNothing() {
        Negation n = Negation.of("推荐一款保湿面霜");
        assertThat(n.terms()).isEmpty();
        assertThat(n.excludes(product("保湿面霜", "护肤"))).isFalse();
    }
}
