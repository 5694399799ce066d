package dev.nectar.planner.llm;

import dev.nectar.aftersales.Policy;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;
import dev.nectar.conversation.DialogueState;
import dev.nectar.conversation.Turn;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.planner.PlanningContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A fictional buyer with two orders, and the repository's LLM prompts. */
final class Fixtures {
    static final Path PROMPTS = Path.of("prompts", "llm");
    static final String OWN_ORDER = "QX7001";
    static final String OWN_PHONE = "13900001111";

    private Fixtures() {
    }

    static List<Order> orders() {
        OffsetDateTime t = OffsetDateTime.now().minusDays(3);
        return List.of(
                new Order(OWN_ORDER, "buyer-1", OrderStatus.SHIPPED, t, t, t, null, new BigDecimal("59.00"), false,
                        List.of(new Order.Item("LAMP-W", "白色台灯", 1, new BigDecimal("59.00"))),
                        new Order.Address("小林", OWN_PHONE, "杭州", "文三路 1 号"),
                        new Order.Logistics("圆通", "YT9000012345", List.of())),
                new Order("QX7002", "buyer-1", OrderStatus.PAID, t, t, null, null, new BigDecimal("12.50"), false,
                        List.of(new Order.Item("MUG-B", "蓝色马克杯", 1, new BigDecimal("12.50"))), null, null));
    }

    static List<Product> catalog() {
        return List.of(new Product("LAMP-W", "LAMP", "白色台灯", "家居", new BigDecimal("59.00"), 10, "护眼台灯", Map.of(),
                List.of(), 4.8, 100L));
    }

    static PlanningContext context(String text, List<Turn> history) {
        return new PlanningContext(new BuyerIdentity("shop-1", "buyer-1"), "conv-1", text, List.of(),
                DialogueState.initial(), history, Fixtures::orders, Fixtures::catalog, Policy::defaults);
    }

    static GuardRules rules() {
        return GuardRules.load(PROMPTS.resolve("guard.json"));
    }

    static String systemPrompt() {
        try {
            return java.nio.file.Files.readString(PROMPTS.resolve("system.md"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
