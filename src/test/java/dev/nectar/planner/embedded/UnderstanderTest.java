package dev.nectar.planner.embedded;

import dev.nectar.TestConfigs;
import dev.nectar.commerce.Product;
import dev.nectar.planner.understanding.Understanding;
import dev.nectar.text.ChineseText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnderstanderTest {
    private final Understander understander = new Understander(TestConfigs.nectar(Map.of("prompts-dir", "prompts")),
            new ChineseText(java.nio.file.Path.of("prompts", "understanding", "synonyms.json")));

    private static Product product(String sku, String title, String category) {
        return new Product(sku, sku, title, category, new BigDecimal("99.00"), 5, "", Map.of(), List.of(), null, null);
    }

    private List<String> mentioned(String text, List<Product> catalog) {
        Understanding u = understander.understand("m1", text, List.of(), catalog);
        return u.slots().mentionedProducts().stream().map(m -> m.product().sku()).toList();
    }

    @Test
    void aChangedCatalogIsUnderstoodAtOnce() {
        List<Product> before = List.of(product("TENT", "双人帐篷", "露营装备"));
        assertThat(mentioned("帐篷有货吗", before)).containsExactly("TENT");
        assertThat(mentioned("帐篷有货吗", before)).containsExactly("TENT"); // the prepared catalog again

        List<Product> after = List.of(product("TENT", "双人帐篷", "露营装备"), product("LAMP", "露营灯", "照明"));
        assertThat(mentioned("露营灯有货吗", after)).contains("LAMP");
        assertThat(mentioned("露营灯有货吗", before)).doesNotContain("LAMP");
    }

    @Test
    void anAnswerToAConfirmationIsYesOrNoButAnotherRequestIsNeither() {
        assertThat(understander.yesNo("确认", "RETURN_REFUND")).contains(true);
        assertThat(understander.yesNo("算了不用了", "RETURN_REFUND")).contains(false);
        // a change of mind asks for something else: it replaces the pending action instead of declining it
        assertThat(understander.yesNo("算了,还是换个大一码的吧", "RETURN_REFUND")).isEmpty();
        assertThat(understander.yesNo("不对,我要换L码的", "EXCHANGE")).isEmpty();
        // 取消 words decline the action, they never ask to cancel the order instead
        assertThat(understander.yesNo("取消", "RETURN_REFUND")).contains(false);
    }

    @Test
    void anItemNamedInItsTitleIsMeantRatherThanOneWhoseCategoryHoldsTheWord() {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.now().minusDays(3);
        java.util.function.BiFunction<String, String, dev.nectar.commerce.Order> order = (id, sku) -> new dev.nectar.commerce.Order(id, "b1",
                dev.nectar.commerce.OrderStatus.DELIVERED, t, t, t, t, BigDecimal.TEN, null,
                List.of(new dev.nectar.commerce.Order.Item(sku, sku.equals("LITTER") ? "混合豆腐猫砂 2.5kg" : "植物酶除臭喷雾 500ml", 1, BigDecimal.TEN)), null, null);
        List<Product> catalog = List.of(product("LITTER", "混合豆腐猫砂 2.5kg", "猫砂清洁"), product("SPRAY", "植物酶除臭喷雾 500ml", "猫砂清洁"));
        Understanding u = understander.understand("m1", "猫砂结团一碰就散,要退", List.of(order.apply("O-1", "LITTER"), order.apply("O-2", "SPRAY")), catalog);
        assertThat(u.slots().mentionedOrders()).extracting(m -> m.order().orderId()).containsExactly("O-1", "O-2");
        assertThat(u.slots().mentionedOrders().get(0).score()).isGreaterThan(u.slots().mentionedOrders().get(1).score());
    }

    @Test
    void anEnglishMessageNamesTheOrderOfItsItem() {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.now().minusDays(3);
        java.util.function.BiFunction<String, String, dev.nectar.commerce.Order> order = (id, title) -> new dev.nectar.commerce.Order(id, "b1",
                dev.nectar.commerce.OrderStatus.DELIVERED, t, t, t, t, BigDecimal.TEN, null,
                List.of(new dev.nectar.commerce.Order.Item(id + "-SKU", title, 1, BigDecimal.TEN)), null, null);
        List<dev.nectar.commerce.Order> own = List.of(order.apply("O-1", "机械键盘 红轴"), order.apply("O-2", "无线蓝牙耳机"));
        Understanding u = understander.understand("m1", "the headphones have static noise, I want to return them", own, List.of());
        assertThat(u.slots().mentionedOrders()).extracting(m -> m.order().orderId()).containsExactly("O-2");
    }
}
