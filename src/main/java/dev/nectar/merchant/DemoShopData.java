package dev.nectar.merchant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nectar.aftersales.Policy;
import dev.nectar.aftersales.PolicyResource;
import dev.nectar.commerce.CommerceValidation;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.handoff.Agent;
import dev.nectar.handoff.AgentResource;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * The demo shop as written in the knowledge-base folder: {@code shop.json}, {@code catalog.json},
 * {@code orders.json}, {@code policy.json} and {@code agents.json}. Order and logistics times are written relative
 * to the moment of loading ({@code "createdDaysAgo": 3}, {@code "daysAgo": 1.5}), so the demo always looks fresh.
 * Everything passes the same checks as the merchant API; any problem names the file and the field.
 *
 * @param buyers the demo buyers who get a token in the credentials file
 */
public record DemoShopData(String merchantId, String name, String locale, List<String> buyers,
                           List<Product> products, List<Order> orders, Policy policy, List<Agent> agents) {

    private static final List<String> ORDER_TIMES = List.of("created", "paid", "shipped", "delivered");

    private record Shop(String merchantId, String name, String locale, List<String> buyers) {
    }

    public static DemoShopData read(Path dir, OffsetDateTime now, int maxItems) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("demo shop folder not found: " + dir.toAbsolutePath()
                    + " (run from the repository root, set NECTAR_KNOWLEDGE_BASE_DIR, or set NECTAR_DEMO=false)");
        }
        Shop shop = checked("shop.json", () -> {
            Shop s = Json.MAPPER.convertValue(tree(dir, "shop.json"), Shop.class);
            Check.merchantId(s.merchantId(), "merchantId");
            Check.text(s.name(), "name", 200);
            Check.present(s.buyers(), "buyers").forEach(b -> Check.id(b, "buyers"));
            return s;
        });
        List<Product> products = checked("catalog.json", () -> CommerceValidation.products(
                Json.MAPPER.convertValue(tree(dir, "catalog.json"), new TypeReference<List<Product>>() { }), maxItems));
        List<Order> orders = checked("orders.json", () -> {
            JsonNode tree = tree(dir, "orders.json");
            absoluteTimes(tree, now);
            return CommerceValidation.orders(Json.MAPPER.convertValue(tree, new TypeReference<List<Order>>() { }), maxItems);
        });
        Policy policy = checked("policy.json", () ->
                PolicyResource.checked(Json.MAPPER.convertValue(tree(dir, "policy.json"), Policy.class)));
        List<Agent> agents = checked("agents.json", () -> Json.MAPPER.convertValue(tree(dir, "agents.json"),
                new TypeReference<List<AgentResource.RegisterAgent>>() { }).stream()
                .map(a -> AgentResource.checked(shop.merchantId(), a)).toList());
        return new DemoShopData(shop.merchantId(), shop.name(), shop.locale() == null ? "zh-CN" : shop.locale(),
                List.copyOf(shop.buyers()), products, orders, policy, agents);
    }

    /** Replaces {@code <x>DaysAgo} of each order and {@code daysAgo} of each logistics event with a time. */
    static void absoluteTimes(JsonNode orders, OffsetDateTime now) {
        for (JsonNode order : orders) {
            if (order instanceof ObjectNode o) {
                ORDER_TIMES.forEach(t -> toTime(o, t + "DaysAgo", t + "At", now));
                for (JsonNode event : o.path("logistics").path("events")) {
                    if (event instanceof ObjectNode e) {
                        toTime(e, "daysAgo", "time", now);
                    }
                }
            }
        }
    }

    private static void toTime(ObjectNode node, String relative, String absolute, OffsetDateTime now) {
        JsonNode days = node.remove(relative);
        if (days == null) {
            return;
        }
        if (!days.isNumber() || days.asDouble() < 0) {
            throw ApiException.invalid(relative, relative + " must be a number of days, zero or more");
        }
        node.put(absolute, now.minusSeconds(Math.round(days.asDouble() * 86400)).toString());
    }

    private static JsonNode tree(Path dir, String file) {
        try {
            return Json.MAPPER.readTree(Files.readString(dir.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException("demo shop file " + dir.resolve(file).toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Runs a parse step and turns any failure into a start-up error that names the file. */
    private static <T> T checked(String file, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException e) {
            throw new IllegalStateException("demo shop file " + file + ": " + (e.field() != null ? e.field() + ": " : "")
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("demo shop file " + file + " does not match its format: " + e.getMessage(), e);
        }
    }
}
