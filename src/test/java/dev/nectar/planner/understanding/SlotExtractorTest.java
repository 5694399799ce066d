package dev.nectar.planner.understanding;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class SlotExtractorTest {

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    @Nested
    class OrderIds {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                查一下订单 NX20240002 的物流       | NX20240002
                nx20240002什么时候到               | NX20240002
                Where is my order NX20240003?      | NX20240003
                NX20240001和NX20240005都要退       | NX20240001,NX20240005
                订单号:NX20240004,NX20240004       | NX20240004
                """)
        void theBuyersOwnIdsAreFoundIgnoringCase(String text, String ids) {
            Slots slots = Shop.slots(text);

            assertThat(slots.orderIds()).containsExactly(ids.split(","));
            assertThat(slots.foreignOrderIds()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                帮我查一下 NX20249999 的物流       | NX20249999
                QW88123456 我要退货               | QW88123456
                订单20240518123456789怎么还没发     | 20240518123456789
                """)
        void otherIdShapedTokensAreForeign(String text, String foreign) {
            Slots slots = Shop.slots(text);

            assertThat(slots.foreignOrderIds()).containsExactly(foreign);
            assertThat(slots.orderIds()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                我的手机号13812345678
                买1000ml的那款
                EAR-BT5X有现货吗
                iphone15有货吗
                2024-05-18买的
                """)
        void amountsPhonesSkusAndShortModelsAreNoOrderIds(String text) {
            Slots slots = Shop.slots(text);

            assertThat(slots.foreignOrderIds()).isEmpty();
            assertThat(slots.orderIds()).isEmpty();
        }

        @Test
        void groundingBeatsPatterns() {
            // a short numeric id matches no pattern, yet it is the buyer's
            BuyerContext ctx = BuyerContext.of(List.of(new KnownOrder("778899", "SHIPPED", List.of(Shop.CUP))), Shop.CATALOG);

            Slots slots = new SlotExtractor(Shop.LEXICON).extract("778899到哪了,还有 NX20240001 呢", ctx);

            assertThat(slots.orderIds()).containsExactly("778899");
            assertThat(slots.foreignOrderIds()).containsExactly("NX20240001");
        }

        @Test
        void anIdInsideALongerTokenIsNotTheBuyers() {
            assertThat(Shop.slots("XNX20240001 是我的吗").orderIds()).isEmpty();
        }
    }

    @Nested
    class Mentions {
        @Test
        void anOrderIsFoundByWhatItsItemsAreCalled() {
            Slots slots = Shop.slots("我的围巾到哪了?");

            assertThat(slots.mentionedOrders()).extracting(m -> m.order().orderId()).containsExactly("NX20240001");
            assertThat(slots.mentionedOrders().get(0).items()).containsExactly(Shop.SCARF);
            assertThat(slots.mentionedOrders().get(0).terms()).containsExactly("围巾");
        }

        @Test
        void theItemThatMatchedIsNamedInAMultiItemOrder() {
            OrderMention mention = Shop.slots("卫衣小了").mentionedOrders().get(0);

            assertThat(mention.order()).isEqualTo(Shop.CLOTHES_ORDER);
            assertThat(mention.items()).containsExactly(Shop.HOODIE);
        }

        @Test
        void genericWordsNeverMatchTitles() {
            BuyerContext ctx = BuyerContext.of(List.of(new KnownOrder("NX1", "SHIPPED",
                    List.of(new KnownItem("X", "我的快递订单收纳盒", "家居")))), List.of());

            assertThat(new SlotExtractor(Shop.LEXICON).extract("我的快递订单到哪了", ctx).mentionedOrders()).isEmpty();
            assertThat(new SlotExtractor(Shop.LEXICON).extract("收纳盒到哪了", ctx).mentionedOrders()).hasSize(1);
        }

        @Test
        void englishWordsMatchWholeNotInsideLongerOnes() {
            BuyerContext ctx = BuyerContext.of(List.of(
                    new KnownOrder("NX1", "PAID", List.of(new KnownItem("F", "iPhone 15 Pro 防窥钢化膜", "数码"))),
                    new KnownOrder("NX2", "DELIVERED", List.of(new KnownItem("H", "头戴式降噪蓝牙耳机", "数码"))),
                    new KnownOrder("NX3", "DELIVERED", List.of(new KnownItem("A", "ANC 真无线耳机", "数码")))), List.of());
            SlotExtractor extractor = new SlotExtractor(Shop.LEXICON);

            assertThat(extractor.extract("the headphones have static noise", ctx).mentionedOrders())
                    .extracting(m -> m.order().orderId()).doesNotContain("NX1");
            assertThat(extractor.extract("where's my power bank?", ctx).mentionedOrders()).isEmpty();
            assertThat(extractor.extract("my iphone film is scratched", ctx).mentionedOrders())
                    .extracting(m -> m.order().orderId()).containsExactly("NX1");
        }

        @Test
        void strongerMatchesRankFirst() {
            Slots slots = Shop.slots("红色的羊毛围巾还有吗");

            assertThat(slots.mentionedProducts()).extracting(m -> m.product().sku()).containsExactly("SC-RED", "SC-GRY");
            assertThat(slots.mentionedProducts().get(0).score()).isGreaterThan(slots.mentionedProducts().get(1).score());
        }

        @Test
        void productsMatchByTagsAndAttributesToo() {
            assertThat(Shop.slots("有没有适合敏感肌的").mentionedProducts()).extracting(m -> m.product().sku()).containsExactly("MASK-HA");
            assertThat(Shop.slots("卫衣有XL的吗").mentionedProducts().get(0).product().sku()).isEqualTo("HD-XL");
        }

        @Test
        void aSkuTypedInFullWins() {
            ProductMention top = Shop.slots("ear-bt5x 和别的耳机比怎么样").mentionedProducts().get(0);

            assertThat(top.product().sku()).isEqualTo("EAR-BT5X");
            assertThat(top.score()).isGreaterThan(TitleMatcher.SKU_BONUS);
        }

        @Test
        void numbersThatMeetByChanceDoNotMatch() {
            assertThat(Shop.slots("200以内的").mentionedProducts()).isEmpty();
            assertThat(Shop.slots("有1000ml的吗").mentionedProducts()).isEmpty();
            assertThat(Shop.slots("有350ml的吗").mentionedProducts()).extracting(m -> m.product().sku()).containsExactly("CUP-350");
        }

        @Test
        void nothingMatchesInAnEmptyContext() {
            Slots slots = new SlotExtractor(Shop.LEXICON).extract("我的围巾到哪了", BuyerContext.empty());

            assertThat(slots.mentionedOrders()).isEmpty();
            assertThat(slots.mentionedProducts()).isEmpty();
        }
    }

    @Nested
    class Money {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                想买个100元以内的保温杯        | -   | 100 | -
                两百以内有什么                 | -   | 200 | -
                100块以内                      | -   | 100 | -
                100块钱以下的                  | -   | 100 | -
                五十元之内                     | -   | 50  | -
                不超过三百块                   | -   | 300 | -
                低于99的                       | -   | 99  | -
                预算150                        | -   | 150 | -
                ¥80以下                        | -   | 80  | -
                under 100 yuan                 | -   | 100 | -
                99元以上的                     | 99  | -   | -
                99起                           | 99  | -   | -
                至少两百块                     | 200 | -   | -
                200块左右                      | -   | -   | 200
                一百五上下                     | -   | -   | 150
                预算200左右                    | -   | -   | 200
                大概两百块                     | -   | -   | 200
                around 300                     | -   | -   | 300
                100-200元                      | 100 | 200 | -
                100到200                       | 100 | 200 | -
                五十到八十块的                 | 50  | 80  | -
                3天以内能到吗                  | -   | -   | -
                2kg以下的                      | -   | -   | -
                最多3个                        | -   | -   | -
                3-5天                          | -   | -   | -
                1到2岁的宝宝                   | -   | -   | -
                不超过200ml                    | -   | -   | -
                """)
        void readsPriceBounds(String text, BigDecimal min, BigDecimal max, BigDecimal around) {
            Slots slots = Shop.slots(text);

            assertThat(slots.priceMin()).isEqualTo(Optional.ofNullable(min));
            assertThat(slots.priceMax()).isEqualTo(Optional.ofNullable(max));
            assertThat(slots.priceAround()).isEqualTo(Optional.ofNullable(around));
        }
    }

    @Nested
    class Quantities {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                给20斤的柴犬买个狗窝         | 10.0
                二十斤的狗                   | 10.0
                女儿10公斤重                 | 10.0
                十公斤                       | 10.0
                10kg的狗                     | 10.0
                3.5kg的猫                    | 3.5
                一斤半                       | 0.75
                500g的包装                   | 0.5
                20块钱                       | -
                """)
        void readsWeightsInKilograms(String text, Double kg) {
            assertThat(Shop.slots(text).weightKg()).isEqualTo(Optional.ofNullable(kg));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                家里有三只猫               | 3
                家里有3只猫                | 3
                买两件                     | 2
                少了一包                   | 1
                第三个                     | -
                用了三个月                 | -
                七天无理由                 | -
                """)
        void readsCounts(String text, Integer count) {
            assertThat(Shop.slots(text).count()).isEqualTo(optional(count));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                宝宝8个月大                | 8
                3个月的小猫                | 3
                宝宝三个月                 | 3
                我家狗两岁了               | 24
                宝宝一岁半                 | 18
                半岁的猫                   | 6
                6月龄                      | 6
                用了三个月了               | -
                3个月前买的                | -
                """)
        void readsAges(String text, Integer months) {
            assertThat(Shop.slots(text).ageMonths()).isEqualTo(optional(months));
        }
    }

    @Nested
    class Sizes {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                这件卫衣L码偏紧,帮我换XL码    | L,XL     | XL  | BIGGER
                裤子买大了,改成 M 码吧        | M        | M   | SMALLER
                换XL                          | XL       | XL  | -
                换个大码的                    | L        | L   | -
                换大一码                      | -        | -   | BIGGER
                想换小一号                    | -        | -   | SMALLER
                38码的鞋偏小,换39码           | 38,39    | 39  | BIGGER
                有2XL吗                       | XXL      | -   | -
                s码和m码有什么区别            | S,M      | -   | -
                中码还有吗                    | M        | -   | -
                衣服有点紧                    | -        | -   | BIGGER
                宝宝长大了                    | -        | -   | -
                I'm not sure                  | -        | -   | -
                """)
        void readsSizesTargetsAndDirection(String text, String tokens, String target, SizeDirection direction) {
            Slots slots = Shop.slots(text);

            assertThat(slots.sizeTokens()).isEqualTo(tokens == null ? List.of() : Arrays.asList(tokens.split(",")));
            assertThat(slots.targetSize()).isEqualTo(Optional.ofNullable(target));
            assertThat(slots.sizeDirection()).isEqualTo(Optional.ofNullable(direction));
        }
    }

    @Nested
    class Ordinals {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                第一个                   | 1
                第二个                   | 2
                第3个                    | 3
                要第二单                 | 2
                第 4 件                  | 4
                最后一个                 | -1
                最后那个                 | -1
                上一个                   | -1
                the first one            | 1
                the last one             | -1
                第一次买                 | -
                一个就够了               | -
                """)
        void readsPicksFromAList(String text, Integer ordinal) {
            assertThat(Shop.slots(text).ordinal()).isEqualTo(optional(ordinal));
        }
    }

    @Nested
    class Reasons {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                这双袜子不想要了                   | NO_REASON
                不喜欢这个颜色                     | NO_REASON
                拍错了                             | NO_REASON
                支持七天无理由吗                   | NO_REASON
                L码小了                            | SIZE
                买大了                             | SIZE
                尺码不合适                         | SIZE
                穿着不合身                         | SIZE
                打开发现面包发霉了                 | QUALITY
                用了两天就坏了,质量问题            | QUALITY
                有异味                             | QUALITY
                收到已经过期了                     | QUALITY
                收到的杯子碎了                     | DAMAGED
                外箱破了,零食撒了一地              | DAMAGED
                瓶口破损,洗发水漏出来了            | DAMAGED
                瓶子是漏的                         | DAMAGED
                箱子压坏了                         | DAMAGED
                发错货了                           | WRONG_ITEM
                少发了一件                         | WRONG_ITEM
                少了一包                           | WRONG_ITEM
                漏发了配件                         | WRONG_ITEM
                与描述不符                         | NOT_AS_DESCRIBED
                色差太大                           | NOT_AS_DESCRIBED
                和图片不一样                       | NOT_AS_DESCRIBED
                一直没收到货                       | NOT_RECEIVED
                显示签收了但是我未收到             | NOT_RECEIVED
                the item arrived damaged           | DAMAGED
                质量不好,不想要了                  | QUALITY
                小了,而且有个破洞                  | QUALITY
                领口有个洞,新的就破了              | QUALITY
                卡扣裂开了,扣不紧                  | QUALITY
                瓶盖裂了,漏了一半                  | DAMAGED
                收到的碗裂了一道缝                 | DAMAGED
                快递到的时候盒子就是破的           | DAMAGED
                鸡蛋破了好几个                     | DAMAGED
                half the eggs are cracked          | DAMAGED
                the zipper cracked                 | QUALITY
                没有破损,就是不喜欢                | NO_REASON
                不是质量问题,就是买错了            | NO_REASON
                你好                               | -
                """)
        void theStrongestCueWins(String text, Reason reason) {
            assertThat(Shop.slots(text).reason()).isEqualTo(Optional.ofNullable(reason));
        }
    }

    @Nested
    class AfterSaleKinds {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                我要仅退款                             | REFUND_ONLY
                杯盖是坏的,我不想退货了,直接退款吧     | REFUND_ONLY
                零食少了几包,补偿点钱就好,不用退货了   | REFUND_ONLY
                只退款不退货                           | REFUND_ONLY
                能退差价吗                             | REFUND_ONLY
                我要退货                               | RETURN_REFUND
                想退货退款                             | RETURN_REFUND
                围巾颜色不喜欢,能退吗                  | RETURN_REFUND
                退掉吧                                 | RETURN_REFUND
                没拆封,七天无理由退货                  | RETURN_REFUND
                我要退款                               | RETURN_REFUND
                I want to return it                    | RETURN_REFUND
                想换成XL码                             | EXCHANGE
                换一个新的                             | EXCHANGE
                换XL                                   | EXCHANGE
                帮我换 39 码的                         | EXCHANGE
                能换货吗                               | EXCHANGE
                我不是要退货,是要换货                  | EXCHANGE
                我不退货,换个M码                       | EXCHANGE
                取消订单                               | CANCEL
                帮我取消这个订单                       | CANCEL
                卫衣不要了,麻烦取消订单                | CANCEL
                我不要了                               | CANCEL
                cancel my order                        | CANCEL
                给狗换粮需要过渡吗                     | -
                退货地址是哪里                         | -
                """)
        void readsWhatIsAskedFor(String text, AfterSaleKind kind) {
            assertThat(Shop.slots(text).afterSaleKind()).isEqualTo(Optional.ofNullable(kind));
        }
    }

    @Nested
    class Answers {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                确认                       | YES
                是的                       | YES
                好的                       | YES
                好的谢谢                   | YES
                可以                       | YES
                嗯嗯                       | YES
                对                         | YES
                行                         | YES
                没问题                     | YES
                ok                         | YES
                Yes please                 | YES
                确认退货                   | YES
                那就确认吧                 | YES
                好的呢                     | YES
                不用了                     | NO
                取消                       | NO
                算了                       | NO
                不要了                     | NO
                不需要                     | NO
                不用了谢谢                 | NO
                no                         | NO
                不                         | NO
                取消订单                   | -
                我想取消订单               | -
                不要了,麻烦取消订单        | -
                可以退吗                   | -
                确定吗?                    | -
                行不行啊                   | -
                对了,我还想问个事          | -
                我要退货                   | -
                确认收货了,但是少了一件    | -
                这个面霜好用吗             | -
                嗯,帮我查下物流            | -
                """)
        void readsAnAnswerOnlyWhenTheMessageIsOne(String text, YesNo answer) {
            assertThat(Shop.slots(text).yesNo()).isEqualTo(Optional.ofNullable(answer));
        }
    }

    @Nested
    class StatusHints {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                没付款的那个               | PENDING_PAYMENT
                待付款的订单               | PENDING_PAYMENT
                已付款但是没发货           | PAID
                还没发货的那单             | PAID
                已经发货了,在路上          | SHIPPED
                还没收到货                 | SHIPPED
                收到了,但是                | DELIVERED
                显示已签收                 | DELIVERED
                签收了但没收到             | DELIVERED,SHIPPED
                保温杯发货了吗             | -
                什么时候发货               | -
                """)
        void readsStatesTheBuyerNames(String text, String hints) {
            List<OrderStatusHint> expected = hints == null ? List.of()
                    : Arrays.stream(hints.split(",")).map(OrderStatusHint::valueOf).toList();

            assertThat(Shop.slots(text).statusHints()).isEqualTo(expected);
        }
    }

    @Nested
    class Whole {
        @Test
        void cuesExplainTheSlotsInTextOrder() {
            Slots slots = Shop.slots("L码偏紧,换XL码吧");

            assertThat(slots.cues()).extracting(Cue::label).contains("SIZE", "BIGGER", "EXCHANGE");
            assertThat(slots.cues()).isSortedAccordingTo(java.util.Comparator.comparingInt(Cue::start));
        }

        @Test
        void aMessageWithNothingInItHasEmptySlots() {
            Slots slots = Shop.slots("");

            assertThat(slots).isEqualTo(new Slots(List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), Optional.empty(),
                    Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of()));
        }

        @Test
        void itemsAndProductsMayLackFields() {
            BuyerContext sparse = BuyerContext.of(
                    List.of(new KnownOrder("NX9", "SHIPPED", List.of(new KnownItem(null, null, null)))),
                    List.of(new KnownProduct(null, null, null, null, null, null), new KnownProduct("P1", "P", "竹制砧板", null, Map.of(), null)));

            Slots slots = new SlotExtractor(Shop.LEXICON).extract("砧板 NX9", sparse);

            assertThat(slots.orderIds()).containsExactly("NX9");
            assertThat(slots.mentionedProducts()).extracting(m -> m.product().sku()).containsExactly("P1");
        }
    }
}
