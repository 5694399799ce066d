package dev.nectar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated product-manual text for the knowledge parts: manuals to upload, chunk-sized sentences and queries. */
final class Corpus {
    private static final String[] PRODUCTS = {"轻量登山鞋", "三合一冲锋衣", "双人帐篷", "鹅绒睡袋", "保温壶", "钛合金水杯", "充电头灯",
            "露营灯", "碳纤维登山杖", "蛋卷桌", "月亮椅", "卡式炉", "羊毛徒步袜", "登山背包", "速干T恤"};
    private static final String[] PEOPLE = {"新手", "长线徒步的人", "带孩子露营的家庭", "夜跑爱好者", "冬季登山的人", "上班族"};
    private static final String[] PLACES = {"江浙沪", "广东", "北京", "四川", "新疆", "黑龙江", "海南"};

    private Corpus() {
    }

    static String product(Random r) {
        return PRODUCTS[r.nextInt(PRODUCTS.length)] + (100 + r.nextInt(900)) + "型";
    }

    /** One fact about a product, about one chunk long with its heading. */
    static String sentence(Random r, String name) {
        return switch (r.nextInt(6)) {
            case 0 -> name + "的质保期是" + (6 + r.nextInt(30)) + "个月，质保期内非人为损坏可以免费维修一次。";
            case 1 -> name + "适合" + PEOPLE[r.nextInt(PEOPLE.length)] + "使用，整体重量大约" + (200 + r.nextInt(1500)) + "克。";
            case 2 -> "寄往" + PLACES[r.nextInt(PLACES.length)] + "的" + name + "满" + (99 + r.nextInt(200)) + "元包邮，否则运费"
                    + (5 + r.nextInt(15)) + "元。";
            case 3 -> name + "签收后" + (7 + r.nextInt(24)) + "天内出现开胶或漏水可以申请换货，请拍照上传凭证。";
            case 4 -> "清洗" + name + "时水温不要超过" + (30 + r.nextInt(20)) + "℃，不要暴晒，阴凉处晾干。";
            default -> name + "的收纳尺寸是" + (10 + r.nextInt(40)) + "×" + (10 + r.nextInt(40)) + "厘米，可以放进背包侧袋。";
        };
    }

    /** A markdown manual of 25 products with 5 to 8 facts each (about 100 chunks once ingested). */
    static String manual(Random r) {
        StringBuilder md = new StringBuilder("# 产品手册\n");
        for (int p = 0; p < 25; p++) {
            String name = product(r);
            md.append("\n## ").append(name).append("\n");
            int sentences = 5 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                md.append(sentence(r, name)).append(r.nextInt(3) == 0 ? "\n" : "");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** Buyer questions in the corpus's terms, nearly all different (products carry model numbers). */
    static List<String> queries(Random r, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = product(r);
            out.add(switch (i % 5) {
                case 0 -> name + "质保多久";
                case 1 -> name + "寄到" + PLACES[r.nextInt(PLACES.length)] + "包邮吗";
                case 2 -> name + "可以用热水洗吗";
                case 3 -> name + "有多重";
                default -> name + "收起来有多大";
            });
        }
        return out;
    }
}
