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

    static final List<Product> SNEAKERS = List.of(
            p("SN-36", "SN", "帆布鞋 36码", "36码对应脚长23cm", Map.of("尺码", "36")),
            p("SN-37", "SN", "帆布鞋 37码", "37码对应脚长23.5cm", Map.of("尺码", "37")),
            p("SN-38", "SN", "帆布鞋 38码", "38码对应脚长24cm", Map.of("尺码", "38")));

    @Test
    void aFootLengthPicksTheShoeSizeDeclaredForIt() {
        assertThat(left("脚长23.5的女生,想要双帆布鞋", SNEAKERS)).containsExactly("SN-37");
        assertThat(left("脚长 240mm 穿多大", SNEAKERS)).containsExactly("SN-38");
        assertThat(left("想要双帆布鞋", SNEAKERS)).hasSize(3);
    }

    @Test
    void aPetsAgeRulesOutFoodForTheOtherStage() {
        List<Product> foods = List.of(p("CAT-ADULT", "CA", "全价成猫粮 2kg", "", Map.of()),
                p("CAT-KITTEN", "CK", "奶糕幼猫粮 1.5kg", "", Map.of()), p("CAT-ALL", "CL", "全阶段猫粮 冻干双拼", "", Map.of()));
        assertThat(left("刚领养了一只两岁的成年猫,猫粮推荐哪个", foods)).containsExactly("CAT-ADULT", "CAT-ALL");
        assertThat(left("三个月大的幼猫吃什么", foods)).containsExactly("CAT-KITTEN", "CAT-ALL");
        assertThat(left("我家小猫挑食", foods)).as("小猫 is any cat").hasSize(3);
    }

    @Test
    void aBuyerWhoMindsThePriceGetsTheCheapestVariant() {
        List<Product> steaks = List.of(new Product("ST-4", "ST", "眼肉牛排 4片装", "生鲜", new BigDecimal("168"), 5, "", Map.of("规格", "4片"), List.of(), 4.8, 10L),
                new Product("ST-8", "ST", "眼肉牛排 8片装", "生鲜", new BigDecimal("318"), 5, "", Map.of("规格", "8片"), List.of(), 4.8, 10L));
        assertThat(left("Looking for good steak, not too pricey", steaks)).containsExactly("ST-4");
        assertThat(left("牛排", steaks)).hasSize(2);
    }

    @Test
    void packsCountedInPiecesOrJinCompare() {
        List<Product> eggs = List.of(p("EGG-30", "EGG", "土鸡蛋 30枚", "", Map.of("规格", "30枚")),
                p("EGG-60", "EGG", "土鸡蛋 60枚 家庭装", "", Map.of("规格", "60枚")));
        assertThat(left("鸡蛋要多一点的,家里人多", eggs)).containsExactly("EGG-60");
        assertThat(ProductRecommender.packSize(p("O", "O", "脐橙 5斤装", "", Map.of()))).contains(2500.0);
    }

    @Test
    void aNounInZiMatchesByItsHead() {
        assertThat(Grams.withHeads("200以内的裤子")).contains("裤");
        assertThat(Grams.withHeads("一下子就坏了")).doesNotContain("下");
    }
}
