package dev.nectar.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's own fictional shop, 山岚户外 (outdoor gear): catalog, three orders per buyer, knowledge documents,
 * and the buyer messages of the load mix. Nothing here comes from the demo shop or the evaluation sets.
 */
final class Shop {
    static final String NAME = "山岚户外";
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);

    private Shop() {
    }

    /** A buyer with three orders: one on its way, one delivered, one paid and waiting to ship. */
    record Buyer(String buyerId, String shipped, String delivered, String paid) {
        static Buyer number(int i) {
            long base = 8_100_000L + i * 3L;
            return new Buyer("sl-buyer-" + i, "SL" + base, "SL" + (base + 1), "SL" + (base + 2));
        }
    }

    private record Item(String spu, String title, String category, double price, List<String> variants, String variantKey,
                        List<String> tags, String description) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("SLX-SHOE-M", "轻量防水登山鞋 男款", "户外鞋", 459, List.of("40", "41", "42", "43", "44"), "尺码",
                    List.of("防水", "徒步", "登山"), "GTX防水内衬，大底耐磨抓地，适合中短途徒步和雨天山路。"),
            new Item("SLX-SHOE-W", "轻量防水登山鞋 女款", "户外鞋", 439, List.of("35", "36", "37", "38", "39"), "尺码",
                    List.of("防水", "徒步", "登山"), "女款楦型，鞋面透气网布加防水膜，重量仅每只380克。"),
            new Item("SLX-JKT", "三合一冲锋衣 抓绒内胆", "户外服装", 699, List.of("S", "M", "L", "XL"), "尺码",
                    List.of("防风", "防水", "保暖"), "外层防风防水，内胆可拆卸单穿，适合秋冬登山和城市通勤。"),
            new Item("SLX-TEE", "速干短袖T恤", "户外服装", 89, List.of("S", "M", "L", "XL"), "尺码",
                    List.of("速干", "透气", "夏季"), "吸湿排汗面料，出汗后半小时内变干，适合跑步徒步。"),
            new Item("SLX-TENT2", "双人三季帐篷 双层防雨", "露营装备", 599, List.of("橄榄绿"), "颜色",
                    List.of("双人", "露营", "防雨"), "双层结构防雨指数3000mm，搭建只需5分钟，适合两个人露营。"),
            new Item("SLX-TENT1", "单人超轻帐篷 1.1kg", "露营装备", 899, List.of("沙色"), "颜色",
                    List.of("单人", "超轻", "徒步"), "整帐1.1公斤，适合长线徒步和单人露营。"),
            new Item("SLX-BAG-D", "鹅绒睡袋 舒适温度-5℃", "露营装备", 499, List.of("标准款", "加长款"), "规格",
                    List.of("保暖", "冬季", "露营"), "90%白鹅绒，舒适温度零下5度，压缩后像一个保温杯大小。"),
            new Item("SLX-BAG-E", "信封睡袋 春秋款", "露营装备", 199, List.of("蓝色", "灰色"), "颜色",
                    List.of("春秋", "可拼接", "露营"), "舒适温度10度，两个可以拼成双人睡袋。"),
            new Item("SLX-FLASK", "不锈钢保温壶 1L", "户外水具", 129, List.of("黑色", "白色"), "颜色",
                    List.of("保温", "大容量"), "316不锈钢内胆，保温24小时，适合冬季登山带热水。"),
            new Item("SLX-CUP", "钛合金折叠水杯 450ml", "户外水具", 159, List.of("原色"), "颜色",
                    List.of("轻量", "可明火"), "纯钛杯身可直接上火烧水，重量70克。"),
            new Item("SLX-LAMP-H", "LED充电头灯 500流明", "照明", 79, List.of("黑色"), "颜色",
                    List.of("夜爬", "充电"), "三档亮度，充电2小时可用8小时，夜爬和露营必备。"),
            new Item("SLX-LAMP-C", "复古露营灯 暖光", "照明", 129, List.of("墨绿", "米白"), "颜色",
                    List.of("露营", "氛围"), "暖光无频闪，可挂可立，续航12小时。"),
            new Item("SLX-POLE", "碳纤维登山杖 一对装", "户外配件", 199, List.of("红色", "蓝色"), "颜色",
                    List.of("轻量", "减震", "登山"), "三节伸缩碳纤维杆身，单支仅210克，下山保护膝盖。"),
            new Item("SLX-TABLE", "铝合金蛋卷桌", "露营家具", 239, List.of("标准款"), "规格",
                    List.of("折叠", "露营"), "承重30公斤，收纳后只有一个保温壶长。"),
            new Item("SLX-CHAIR", "月亮椅 高靠背", "露营家具", 149, List.of("卡其", "黑色"), "颜色",
                    List.of("折叠", "露营", "舒适"), "高靠背包裹感强，承重120公斤。"),
            new Item("SLX-STOVE", "便携卡式炉", "户外炊具", 189, List.of("标准款"), "规格",
                    List.of("野炊", "露营"), "防风炉头，火力2.9千瓦，可用长气罐和扁气罐。"),
            new Item("SLX-SOCK", "美利奴羊毛徒步袜 3双装", "户外配件", 99, List.of("M", "L"), "尺码",
                    List.of("羊毛", "徒步", "防臭"), "美利奴羊毛混纺，吸汗防臭不起泡，适合长距离徒步。"),
            new Item("SLX-PACK30", "30L登山背包", "背包", 399, List.of("黑色", "橙色"), "颜色",
                    List.of("登山", "一日徒步"), "背负系统透气，附防雨罩，适合一日徒步。"),
            new Item("SLX-PACK50", "50L重装徒步背包", "背包", 599, List.of("墨绿"), "颜色",
                    List.of("登山", "多日徒步"), "可调背长，承重舒适，适合两到三天的徒步露营。"));

    static List<Map<String, Object>> catalog() {
        List<Map<String, Object>> products = new ArrayList<>();
        int n = 0;
        for (Item it : ITEMS) {
            for (String v : it.variants()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("sku", it.spu() + "-" + v);
                p.put("spu", it.spu());
                p.put("title", it.title() + " " + v);
                p.put("category", it.category());
                p.put("price", it.price());
                p.put("stock", 20 + (n * 7) % 90);
                p.put("description", it.description());
                p.put("attributes", Map.of(it.variantKey(), v));
                p.put("tags", it.tags());
                p.put("rating", 4.5 + (n % 5) / 10.0);
                p.put("sales", 100 + n * 37);
                products.add(p);
                n++;
            }
        }
        return products;
    }

    /** Three orders of each buyer (see {@link Buyer}). */
    static List<Map<String, Object>> orders(List<Buyer> buyers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            Buyer b = buyers.get(i);
            out.add(order(b, b.shipped(), "SHIPPED", 3, ITEMS.get(i % ITEMS.size()), i));
            out.add(order(b, b.delivered(), "DELIVERED", 8, ITEMS.get((i + 5) % ITEMS.size()), i + 1));
            out.add(order(b, b.paid(), "PAID", 1, ITEMS.get((i + 11) % ITEMS.size()), i + 2));
        }
        return out;
    }

    private static Map<String, Object> order(Buyer b, String id, String status, int daysAgo, Item item, int n) {
        String variant = item.variants().get(n % item.variants().size());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("orderId", id);
        o.put("buyerId", b.buyerId());
        o.put("status", status);
        o.put("createdAt", NOW.minusDays(daysAgo).toString());
        o.put("paidAt", NOW.minusDays(daysAgo).plusMinutes(5).toString());
        if (!status.equals("PAID")) {
            o.put("shippedAt", NOW.minusDays(daysAgo).plusHours(20).toString());
        }
        if (status.equals("DELIVERED")) {
            o.put("deliveredAt", NOW.minusDays(daysAgo - 3).toString());
        }
        o.put("total", item.price());
        o.put("shippingInsurance", n % 2 == 0);
        o.put("items", List.of(Map.of("sku", item.spu() + "-" + variant, "title", item.title() + " " + variant,
                "quantity", 1, "unitPrice", item.price())));
        o.put("address", Map.of("name", "测试买家", "phone", "13900000000", "region", "四川省 成都市 武侯区",
                "detail", "望江路 " + (n % 300 + 1) + " 号"));
        if (!status.equals("PAID")) {
            String tracking = "ZT" + (7_700_000_000L + n);
            List<Map<String, Object>> events = new ArrayList<>();
            events.add(Map.of("time", NOW.minusDays(daysAgo).plusHours(20).toString(), "description", "【嘉兴市】快件已揽收"));
            events.add(Map.of("time", NOW.minusDays(daysAgo).plusHours(40).toString(), "description", "【成都转运中心】快件已到达"));
            if (status.equals("DELIVERED")) {
                events.add(Map.of("time", NOW.minusDays(daysAgo - 3).toString(), "description", "【成都市武侯区】已签收，签收人：本人"));
            }
            o.put("logistics", Map.of("carrier", "中通快递", "trackingNo", tracking, "events", events));
        }
        return o;
    }

    /** Knowledge documents: file name and content. */
    static Map<String, byte[]> documents() {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("配送说明.md", """
                # 配送说明
                ## 发货时间
                付款后48小时内发货，预售商品以商品页写明的时间为准。每天下午4点前付款的订单当天发出。
                ## 快递公司
                默认发中通快递。需要顺丰的话，下单时备注并补8元差价即可改发顺丰。
                ## 运费与包邮
                全店满99元包邮。新疆、西藏、青海、内蒙古等偏远地区不包邮，运费按重量另计，下单时系统会自动计算。
                ## 修改地址
                订单发货前可以在订单页修改收货地址，已发货的订单请联系快递改派。
                """.getBytes(StandardCharsets.UTF_8));
        docs.put("售后政策.md", """
                # 售后政策
                ## 七天无理由退货
                签收后7天内，商品未使用、吊牌完好，可以申请七天无理由退货。
                ## 质量问题
                签收后30天内出现开胶、漏水等质量问题，拍照上传后可以退货或换货，来回运费由本店承担。
                ## 退货运费
                无理由退货的寄回运费由买家承担；订单带运费险的，运费险会赔付寄回运费。
                ## 退款到账
                仓库收到退货并验收后24小时内退款，原路退回，银行卡一般1到3个工作日到账。
                """.getBytes(StandardCharsets.UTF_8));
        docs.put("会员与发票.md", """
                # 会员与发票
                ## 电子发票
                所有订单都可以开电子发票。确认收货后在订单页点“申请开票”，填写抬头和税号，1个工作日内发到邮箱。
                ## 会员积分
                每消费1元积1分，100积分可以抵扣1元，下单时在结算页勾选使用积分。积分有效期两年。
                ## 生日礼券
                会员生日当月可以领取一张30元无门槛优惠券。
                """.getBytes(StandardCharsets.UTF_8));
        docs.put("装备保养.md", """
                # 装备保养指南
                ## 登山鞋清洗
                登山鞋用软毛刷蘸清水刷洗鞋面，不要机洗，不要暴晒，放在阴凉通风处自然晾干。
                ## 冲锋衣洗护
                冲锋衣可以用洗衣机轻柔模式冷水洗，使用专用洗涤剂，不要加柔顺剂和漂白剂，低温烘干可以恢复防水性能。
                ## 帐篷收纳
                帐篷用完要晾干后再收纳，潮湿收起容易发霉。长期不用时松散存放在干燥处。
                ## 睡袋存放
                羽绒睡袋平时不要压缩存放，挂起来或放进大网袋里，保持蓬松。
                """.getBytes(StandardCharsets.UTF_8));
        return docs;
    }

    enum Kind { KNOWLEDGE, ORDER, LOGISTICS, RECOMMENDATION, SMALL_TALK }

    record Message(Kind kind, String text) {
    }

    private static final List<String> KNOWLEDGE = List.of("你们付款后多久发货", "默认发什么快递", "可以改发顺丰吗", "新疆包邮吗",
            "预售商品什么时候发", "退款多久能到账", "可以开电子发票吗", "会员积分怎么用", "登山鞋怎么清洗", "冲锋衣可以机洗吗",
            "帐篷用完怎么收纳", "羽绒睡袋怎么存放", "生日有优惠券吗", "发货前能改地址吗");
    private static final List<String> RECOMMEND = List.of("推荐一款500元以内的防水登山鞋", "有没有适合两个人露营的帐篷",
            "想买个保温壶，有推荐吗", "预算200左右买哪个睡袋好", "推荐适合徒步的袜子", "夜爬用什么头灯好",
            "有什么适合一日徒步的背包", "想买把露营椅子，推荐一下");

    private static final List<String> OPENERS = List.of("", "", "你好，", "请问", "亲，", "在吗？");
    private static final List<String> BUDGETED = List.of("推荐一款%d元以内的防水登山鞋", "预算%d左右买哪个睡袋好",
            "%d元以内有什么适合徒步的背包", "想买个%d块钱以内的头灯");

    /**
     * One message of the load mix: 40 % knowledge, 15 % order, 15 % logistics, 25 % recommendations, 5 % small talk.
     * Buyers word the same question differently (openers, their own order ids, budgets), so texts repeat about as
     * often as in a shop's real traffic rather than on every message.
     */
    static Message next(Random r, Buyer b) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            return new Message(Kind.KNOWLEDGE, OPENERS.get(r.nextInt(OPENERS.size())) + KNOWLEDGE.get(r.nextInt(KNOWLEDGE.size())));
        }
        if (roll < 55) {
            String id = r.nextBoolean() ? b.paid() : b.delivered();
            return new Message(Kind.ORDER, switch (r.nextInt(3)) {
                case 0 -> "帮我查一下订单" + id;
                case 1 -> "订单" + id + "现在是什么状态";
                default -> id + "这个订单怎么样了";
            });
        }
        if (roll < 70) {
            return new Message(Kind.LOGISTICS, switch (r.nextInt(3)) {
                case 0 -> "我的快递到哪了";
                case 1 -> b.shipped() + "的物流到哪里了";
                default -> "我买的东西什么时候能到";
            });
        }
        if (roll < 95) {
            return new Message(Kind.RECOMMENDATION, r.nextBoolean() ? RECOMMEND.get(r.nextInt(RECOMMEND.size()))
                    : String.format(BUDGETED.get(r.nextInt(BUDGETED.size())), 100 + 10 * r.nextInt(80)));
        }
        return new Message(Kind.SMALL_TALK, r.nextBoolean() ? "你好" : "好的，谢谢");
    }

    /** Every distinct text of the mix for one buyer (for the floor and the check). */
    static List<Message> all(Buyer b) {
        List<Message> out = new ArrayList<>();
        KNOWLEDGE.forEach(t -> out.add(new Message(Kind.KNOWLEDGE, t)));
        for (String id : List.of(b.paid(), b.delivered())) {
            out.add(new Message(Kind.ORDER, "帮我查一下订单" + id));
            out.add(new Message(Kind.ORDER, "订单" + id + "现在是什么状态"));
            out.add(new Message(Kind.ORDER, id + "这个订单怎么样了"));
        }
        out.add(new Message(Kind.LOGISTICS, "我的快递到哪了"));
        out.add(new Message(Kind.LOGISTICS, b.shipped() + "的物流到哪里了"));
        out.add(new Message(Kind.LOGISTICS, "我买的东西什么时候能到"));
        RECOMMEND.forEach(t -> out.add(new Message(Kind.RECOMMENDATION, t)));
        BUDGETED.forEach(t -> out.add(new Message(Kind.RECOMMENDATION, String.format(t, 300))));
        out.add(new Message(Kind.SMALL_TALK, "你好"));
        out.add(new Message(Kind.SMALL_TALK, "好的，谢谢"));
        return out;
    }
}
