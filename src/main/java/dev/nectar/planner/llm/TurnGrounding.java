package dev.nectar.planner.llm;

import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.conversation.Turn;
import dev.nectar.planner.PlanningContext;
import dev.nectar.platform.Json;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounding from one planning context: the buyer's message and conversation, their own orders, the shop's catalog
 * and the tool results of this turn. Built on first use only, since most replies hold no id at all.
 */
final class TurnGrounding implements Grounding {
    private static final Pattern NUMBER_ONLY = Pattern.compile("[0-9+ -]+");
    private static final Pattern NUMBER_RUN = Pattern.compile("[0-9][0-9 -]*[0-9]");
    private final PlanningContext ctx;
    private String haystack;
    private Set<String> numbers;

    TurnGrounding(PlanningContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean known(String token) {
        if (haystack == null) {
            build();
        }
        // numbers are also compared by their digits, as the model may write 138 1234 5678 for 13812345678
        return haystack.contains(token.toLowerCase())
                || (NUMBER_ONLY.matcher(token).matches() && numbers.contains(digits(token)));
    }

    @Override
    public boolean refundGranted() {
        for (ToolResult r : ctx.results()) {
            if (!r.ok() || !(ToolNames.AFTER_SALE_REQUEST.equals(r.tool()) || ToolNames.CANCEL_ORDER.equals(r.tool()))) {
                continue;
            }
            if (r.facts().containsValue("APPROVED") || r.cards().stream().anyMatch(c -> "APPROVED".equals(c.get("status")))) {
                return true;
            }
        }
        return false;
    }

    private void build() {
        StringBuilder b = new StringBuilder(ctx.text()).append('\n');
        for (Turn t : ctx.history()) {
            b.append(t.text()).append('\n');
        }
        for (ToolResult r : ctx.results()) {
            b.append(Json.write(Map.of("facts", r.facts(), "cards", r.cards()))).append('\n');
        }
        for (Order o : ctx.orders()) {
            b.append(o.orderId()).append('\n');
            if (o.logistics() != null) {
                b.append(o.logistics().trackingNo()).append('\n');
            }
            if (o.address() != null) {
                b.append(o.address().phone()).append('\n');
            }
            if (o.items() != null) {
                o.items().forEach(i -> b.append(i.sku()).append(' ').append(i.title()).append('\n'));
            }
        }
        for (Product p : ctx.catalog()) {
            b.append(p.sku()).append(' ').append(p.spu()).append(' ').append(p.title()).append(' ')
                    .append(p.description()).append(' ').append(p.attributes()).append('\n');
        }
        haystack = b.toString().toLowerCase();
        numbers = new HashSet<>();
        Matcher m = NUMBER_RUN.matcher(haystack);
        while (m.find()) {
            numbers.add(digits(m.group()));
        }
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }
}
