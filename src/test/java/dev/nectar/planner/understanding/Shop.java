package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Map;

/** A fictional general store and one of its buyers, shared by the understanding tests. */
final class Shop {
    static final Lexicon LEXICON = Lexicon.load(Lexicon.DEFAULT_DIR);
    static final LanguageUnderstanding NLU = new LanguageUnderstanding(LEXICON);

    static final KnownItem SCARF = new KnownItem("SC-RED", "羊毛围巾 红色", "服饰");
    static final KnownItem CUP = new KnownItem("CUP-350", "儿童保温杯 350ml", "母婴");
    static final KnownItem DOG_TREATS = new KnownItem("DOG-FD-500", "柴犬冻干零食 500g", "宠物食品");
    static final KnownItem FACE_MASK = new KnownItem("MASK-HA", "玻尿酸保湿面膜 10片", "美妆护肤");
    static final KnownItem HOODIE = new KnownItem("HD-L", "纯棉连帽卫衣 L码", "服饰");
    static final KnownItem LEGGINGS = new KnownItem("LG-M", "加绒打底裤 黑色", "服饰");

    static final KnownOrder SCARF_ORDER = new KnownOrder("NX20240001", "DELIVERED", List.of(SCARF));
    static final KnownOrder CUP_ORDER = new KnownOrder("NX20240002", "SHIPPED", List.of(CUP));
    static final KnownOrder TREATS_ORDER = new KnownOrder("NX20240003", "PAID", List.of(DOG_TREATS));
    static final KnownOrder MASK_ORDER = new KnownOrder("NX20240004", "PENDING_PAYMENT", List.of(FACE_MASK));
    static final KnownOrder CLOTHES_ORDER = new KnownOrder("NX20240005", "DELIVERED", List.of(LEGGINGS, HOODIE));

    static final List<KnownProduct> CATALOG = List.of(
            new KnownProduct("SC-RED", "SC", "羊毛围巾 红色", "服饰", Map.of("颜色", "红色"), List.of("保暖")),
            new KnownProduct("SC-GRY", "SC", "羊毛围巾 灰色", "服饰", Map.of("颜色", "灰色"), List.of("保暖")),
            new KnownProduct("CUP-350", "CUP", "儿童保温杯 350ml", "母婴", Map.of(), List.of("不锈钢")),
            new KnownProduct("DOG-FD-500", "DOG-FD", "柴犬冻干零食 500g", "宠物食品", Map.of(), List.of("狗零食")),
            new KnownProduct("MASK-HA", "MASK", "玻尿酸保湿面膜 10片", "美妆护肤", Map.of(), List.of("补水", "敏感肌")),
            new KnownProduct("HD-L", "HD", "纯棉连帽卫衣", "服饰", Map.of("尺码", "L"), List.of()),
            new KnownProduct("HD-XL", "HD", "纯棉连帽卫衣", "服饰", Map.of("尺码", "XL"), List.of()),
            new KnownProduct("EAR-BT5X", "EAR", "蓝牙耳机 主动降噪", "数码", Map.of(), List.of("通勤")));

    static final BuyerContext BUYER = BuyerContext.of(
            List.of(SCARF_ORDER, CUP_ORDER, TREATS_ORDER, MASK_ORDER, CLOTHES_ORDER), CATALOG);

    private Shop() {
    }

    static NormalizedText text(String raw) {
        return LEXICON.normalizer().normalize(raw);
    }

    static Slots slots(String raw) {
        return new SlotExtractor(LEXICON).extract(raw, BUYER);
    }
}
