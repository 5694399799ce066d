package dev.nectar.planner.embedded;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.planner.understanding.BuyerContext;
import dev.nectar.planner.understanding.KnownItem;
import dev.nectar.planner.understanding.KnownOrder;
import dev.nectar.planner.understanding.LanguageUnderstanding;
import dev.nectar.planner.understanding.Slots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the buyer's orders a message means, and picking among offered candidates (fictional orders). */
class OrderResolverTest {
    static LanguageUnderstanding nlu;
    static final Order SCARF = order("QX1001", OrderStatus.SHIPPED, "羊毛围巾 红色");
    static final Order CUP = order("QX1002", OrderStatus.SHIPPED, "儿童保温杯 350ml");
    static final Order SNACK = order("QX1003", OrderStatus.PENDING_PAYMENT, "柴犬冻干零食");
    static final Order TEA = order("QX1004", OrderStatus.DELIVERED, "高山乌龙茶 罐装");
    static final List<Order> ORDERS = List.of(SCARF, CUP, SNACK, TEA);

    @BeforeAll
    static void load() {
        nlu = LanguageUnderstanding.load(Path.of("prompts", "understanding"));
    }

    static Slots slots(String text) {
        return slots(text, ORDERS);
    }

    static Slots slots(String text, List<Order> orders) {
        List<KnownOrder> known = orders.stream().map(o -> new KnownOrder(o.orderId(), o.status().name(),
                o.items().stream().map(i -> new KnownItem(i.sku(), i.title(), null)).toList())).toList();
        return nlu.understand(text, BuyerContext.of(known, List.of())).slots();
    }

    @Test
    void aNamedOrderWins() {
        assertThat(OrderResolver.resolve(slots("QX1004 的茶叶到哪了"), "QX1004 的茶叶到哪了", ORDERS, EmbeddedPlanner.IN_TRANSIT, null).orderId())
                .isEqualTo("QX1004");
    }

    @Test
    void severalFittingOrdersAreOfferedNotGuessed() {
        OrderResolver.Resolution r = OrderResolver.resolve(slots("我的包裹到哪了"), "我的包裹到哪了", ORDERS, EmbeddedPlanner.IN_TRANSIT, null);
        assertThat(r.resolved()).isFalse();
        assertThat(r.candidates()).containsExactly(SCARF, CUP);
    }

    @Test
    void theOnlyOrderTheIntentAppliesToIsUsed() {
        assertThat(OrderResolver.resolve(slots("帮我取消订单"), "帮我取消订单", ORDERS, EmbeddedPlanner.CANCELLABLE, null).orderId())
                .isEqualTo("QX1003");
    }

    @Test
    void theCarrierTheBuyerNamesPicksTheOrderItShips() {
        Order bySf = withCarrier(SCARF, "顺丰速运");
        Order byYunda = withCarrier(CUP, "韵达快递");
        List<Order> orders = List.of(bySf, byYunda, SNACK);
        assertThat(OrderResolver.resolve(slots("顺丰那个到杭州没"), "顺丰那个到杭州没", orders, EmbeddedPlanner.IN_TRANSIT, null).orderId())
                .isEqualTo(bySf.orderId());
        assertThat(OrderResolver.pick(slots("韵达的"), "韵达的", List.of(bySf, byYunda))).contains(byYunda);
        assertThat(OrderResolver.resolve(slots("快递到哪了"), "快递到哪了", orders, EmbeddedPlanner.IN_TRANSIT, null).resolved()).isFalse();
    }

    private static Order withCarrier(Order o, String carrier) {
        return new Order(o.orderId(), o.buyerId(), o.status(), o.createdAt(), o.paidAt(), o.shippedAt(), o.deliveredAt(), o.total(),
                o.shippingInsurance(), o.items(), o.address(), new Order.Logistics(carrier, "T" + o.orderId(), List.of()));
    }

    @Test
    void aMentionedItemPicksItsOrder() {
        assertThat(OrderResolver.resolve(slots("保温杯什么时候到"), "保温杯什么时候到", ORDERS, EmbeddedPlanner.IN_TRANSIT, null).orderId())
                .isEqualTo("QX1002");
    }

    @Test
    void answersPickAmongCandidates() {
        List<Order> offered = List.of(SCARF, CUP, SNACK);
        assertThat(pick("第二个", offered)).contains(CUP);
        assertThat(pick("最后那个", offered)).contains(SNACK);
        assertThat(pick("围巾那个", offered)).contains(SCARF);
        assertThat(pick("还没付款的那个", offered)).contains(SNACK);
        assertThat(pick("随便聊聊", offered)).isEmpty();
    }

    @Test
    void anAbbreviatedTitlePicksTheOnlyCandidateWithItsCharacters() {
        List<Order> offered = List.of(SCARF, CUP, SNACK);
        assertThat(pick("杯子那个", offered)).contains(CUP);   // 杯 only in 保温杯
        assertThat(pick("狗零食", offered)).contains(SNACK);
        assertThat(pick("红的", offered)).contains(SCARF);
        assertThat(pick("那个", offered)).isEmpty();           // nothing distinctive
        assertThat(pick("我想问一下你们店的红包活动还有没有", offered)).isEmpty(); // a new question, not a pick
    }

    @Test
    void anAbbreviatedItemNameResolvesTheOrder() {
        Order shoes = order("QX2001", OrderStatus.DELIVERED, "男款轻量缓震跑步鞋 42码");
        Order pants = order("QX2002", OrderStatus.DELIVERED, "男士冰丝弹力休闲裤 黑色 30码");
        Order crabs = order("QX2003", OrderStatus.DELIVERED, "阳澄湖大闸蟹 8只");
        List<Order> mine = List.of(shoes, pants, crabs);
        assertThat(OrderResolver.byItemWords("跑鞋不太喜欢,想退货", mine)).contains(shoes);
        assertThat(OrderResolver.byItemWords("裤子腰小了 换个34码", mine)).contains(pants);
        assertThat(OrderResolver.byItemWords("螃蟹到了死了三只", mine)).contains(crabs);
        assertThat(OrderResolver.byItemWords("我要退货", mine)).isEmpty();
        assertThat(OrderResolver.byItemWords("快递一直不动", mine)).isEmpty();
    }

    @Test
    void aLongerNounMatchesByItsHeadWhereATitleWordEndsWithIt() {
        Order cable = order("QX3001", OrderStatus.DELIVERED, "USB-C 编织快充线 1m");
        Order powerBank = order("QX3002", OrderStatus.DELIVERED, "磁吸无线充电宝 紫色");
        Order plug = order("QX3003", OrderStatus.DELIVERED, "20W 快充头");
        List<Order> mine = List.of(cable, powerBank, plug);
        // 无线 holds 线 too, but only 快充线 ends a word with it
        assertThat(OrderResolver.byItemWords("数据线接口松了", mine)).contains(cable);
        assertThat(OrderResolver.byItemWords("充电头买重复了,退一个", mine)).contains(plug);
    }

    @Test
    void aOneCharacterNounMeansTheTitleItHeadsNotOneItQualifies() {
        Order cables = order("QX3101", OrderStatus.DELIVERED, "USB-C to Lightning 快充数据线 1m");
        Order speaker = order("QX3102", OrderStatus.COMPLETED, "桌面USB电脑小音箱 有线");
        List<Order> mine = List.of(cables, speaker);
        assertThat(OrderResolver.byItemWords("少发了一根线,把线的钱退我", mine)).contains(cables);
        assertThat(OrderResolver.byItemWords("线换成2米的", mine)).contains(cables);
    }

    @Test
    void aMentionSharingOnlyAModifierGivesWayToTheOrderWithTheBuyersHead() {
        Order plug = order("QX3201", OrderStatus.DELIVERED, "20W PD 快充头 USB-C");
        Order charger = order("QX3202", OrderStatus.DELIVERED, "65W 氮化镓三口快充充电器(2C1A)");
        Order scarf = order("QX3203", OrderStatus.DELIVERED, "羊毛围巾 红色");
        Order lipstick = order("QX3204", OrderStatus.DELIVERED, "丝绒雾面口红");
        List<Order> mine = List.of(plug, charger, scarf, lipstick);
        String text = "充电头一会儿能充一会儿不能充";
        assertThat(OrderResolver.resolve(slots(text, mine), text, mine, EmbeddedPlanner.RECEIVED, null).orderId()).isEqualTo("QX3201");
        // 红 heads 口红, but no character of 围巾 comes right before it: the scarf stays meant
        String scarfText = "围巾红色的掉色";
        assertThat(OrderResolver.resolve(slots(scarfText, mine), scarfText, mine, EmbeddedPlanner.RECEIVED, null).orderId()).isEqualTo("QX3203");
    }

    @Test
    void anItemNamedLooselyDecidesEvenWhenItsOrderIsNotOneTheIntentFits() {
        Order socks = order("QX4001", OrderStatus.DELIVERED, "精梳棉中筒袜 5双装");
        Order coat = order("QX4002", OrderStatus.DELIVERED, "轻薄立领羽绒服 黑色 L");
        String text = "袜子那个快递单号是多少";
        assertThat(OrderResolver.resolve(slots(text), text, List.of(socks, coat), EmbeddedPlanner.IN_TRANSIT, null).orderId())
                .isEqualTo("QX4001");
    }

    @Test
    void byMeaningTakesOnlyATitleClearlyClosestToTheBuyersWords() {
        Order steak = order("QX5001", OrderStatus.DELIVERED, "原切眼肉牛排 4片装");
        Order rice = order("QX5002", OrderStatus.DELIVERED, "稻花香大米 5kg");
        List<Order> mine = List.of(steak, rice);
        java.util.Map<String, Double> closeness = java.util.Map.of("牛拍|原切眼肉牛排 4片装", 0.46, "牛拍|稻花香大米 5kg", 0.32,
                "吃的|原切眼肉牛排 4片装", 0.45, "吃的|稻花香大米 5kg", 0.42, "快递|原切眼肉牛排 4片装", 0.3, "快递|稻花香大米 5kg", 0.2);
        ItemSimilarity table = (words, titles) -> closeness.getOrDefault(words + "|" + titles, 0.0);
        assertThat(OrderResolver.byMeaning(List.of("牛拍"), mine, table)).contains(steak);
        assertThat(OrderResolver.byMeaning(List.of("吃的"), mine, table)).as("close to both: ask").isEmpty();
        assertThat(OrderResolver.byMeaning(List.of("快递"), mine, table)).as("close to neither").isEmpty();
        assertThat(OrderResolver.byMeaning(List.of("牛拍"), List.of(steak), table)).as("nothing to choose").isEmpty();
    }

    private static java.util.Optional<Order> pick(String text, List<Order> offered) {
        return OrderResolver.pick(slots(text), text, offered);
    }

    @Test
    void noOrderOfTheBuyerFitsNothingIsGuessed() {
        OrderResolver.Resolution r = OrderResolver.resolve(slots("我要退货"), "我要退货", List.of(SNACK), EmbeddedPlanner.RECEIVED, null);
        assertThat(r.resolved()).isFalse();
        assertThat(r.candidates()).isEmpty();
    }

    @Test
    void whenNoneFitsTheOneOrderOnItsWayIsMeantSoItsToolCanSayWhyNot() {
        assertThat(OrderResolver.resolve(slots("cancel my order please"), "cancel my order please", List.of(SCARF, TEA),
                EmbeddedPlanner.CANCELLABLE, null).orderId()).isEqualTo("QX1001");
        OrderResolver.Resolution two = OrderResolver.resolve(slots("帮我取消订单"), "帮我取消订单", List.of(SCARF, CUP, TEA),
                EmbeddedPlanner.CANCELLABLE, null);
        assertThat(two.resolved()).isFalse();
        assertThat(two.candidates()).containsExactly(SCARF, CUP);
    }

    static Order order(String id, OrderStatus status, String title) {
        OffsetDateTime t = OffsetDateTime.now().minusDays(2);
        return new Order(id, "buyer-1", status, t, t, null, null, new BigDecimal("10.00"), false,
                List.of(new Order.Item(id + "-sku", title, 1, new BigDecimal("10.00"))), null, null);
    }
}
