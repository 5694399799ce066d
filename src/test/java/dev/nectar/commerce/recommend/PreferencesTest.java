package dev.nectar.commerce.recommend;

import dev.nectar.commerce.Product;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which variants of an item a request leaves (fictional catalog). */
class PreferencesTest {
    private static Product p(String sku, String spu, String title, String description, Map<String, String> attributes) {
        return new Product(sku, spu, title, "服饰", new BigDecimal("99"), 10, description, attributes, List.of(), 4.5, 100L);
    }

    static final List<Product> COATS = List.of(
            p("COAT-S", "COAT", "通勤风衣 S", "S码适合身高155-162cm", Map.of("尺码", "S")),
            p("COAT-M", "COAT", "通勤风衣 M", "M码适合身高162-170cm", Map.of("尺码", "M")),
            p("COAT-L", "COAT", "通勤风衣 L", "L码适合身高170-178cm", Map.of("尺码", "L")));
    static final List<Product> RICE = List.of(
            p("RICE-5", "RICE", "东北大米 5kg", "", Map.of("规格", "5kg")),
            p("RICE-10", "RICE", "东北大米 10kg", "", Map.of("规格", "10kg")));
    static final List<Product> WATCHES = List.of(
            p("W-PINK", "W", "儿童电话手表 樱花粉", "", Map.of("颜色", "樱花粉")),
            p("W-BLUE", "W", "儿童电话手表 星空蓝", "", Map.of("颜色", "星空蓝")));
    static final List<Product> JACKETS = List.of(
            p("J-MEN", "JM", "男款羽绒服 黑色", "", Map.of()),
            p("J-WOMEN", "JW", "女款羽绒服 米白", "", Map.of()),
            p("J-BOTH", "JB", "男女同款冲锋衣", "", Map.of()));

    private static List<String> left(String text, List<Product> products) {
        return Preferences.of(text).narrow(products).stream().map(Product::sku).toList();
    }

    @Test
    void aNamedVariantValueKeepsThatVariant() {
        assertThat(left("春秋通勤穿的风衣,S码", COATS)).containsExactly("COAT-S");
        assertThat(left("给女儿买电话手表,她喜欢粉色", WATCHES)).containsExactly("W-PINK");
        // the S of SPF is no size
        assertThat(left("SPF50的风衣", COATS)).hasSize(3);
    }

    @Test
    void aHeightPicksTheVariantsThatDeclareIt() {
        assertThat(left("一米六五女生 风衣选啥码", COATS)).containsExactly("COAT-M");
        assertThat(left("身高175穿哪个", COATS)).containsExactly("COAT-L");
        assertThat(left("风衣有什么颜色", COATS)).hasSize(3);
    }

    @Test
    void aPackWishKeepsTheLargestOrSmallestPack() {
        assertThat(left("家里人多,大米要囤一点", RICE)).containsExactly("RICE-10");
        assertThat(left("大米先买点试试", RICE)).containsExactly("RICE-5");
        assertThat(left("大米", RICE)).hasSize(2);
    }

    @Test
    void forAManOrAWomanRulesOutTheOthersCut() {
        assertThat(left("给我老公买件羽绒服", JACKETS)).containsExactly("J-MEN", "J-BOTH");
        assertThat(left("送妈妈一件外套", JACKETS)).containsExactly("J-WOMEN", "J-BOTH");
        assertThat(left("买件外套", JACKETS)).hasSize(3);
    }

    @Test
    void aNounInZiMatchesByItsHead() {
        assertThat(Grams.withHeads("200以内的裤子")).contains("裤");
        assertThat(Grams.withHeads("一下子就坏了")).doesNotContain("下");
    }
}
