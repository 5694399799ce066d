package dev.nectar.planner.embedded;

import dev.nectar.aftersales.Policy;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;
import dev.nectar.conversation.DialogueState;
import dev.nectar.planner.PlanStep;
import dev.nectar.planner.Planner;
import dev.nectar.planner.PlanningContext;
import dev.nectar.planner.Responder;
import dev.nectar.planner.understanding.AfterSaleKind;
import dev.nectar.planner.understanding.Reason;
import dev.nectar.planner.understanding.Slots;
import dev.nectar.planner.understanding.SmallTalk;
import dev.nectar.planner.understanding.Understanding;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import dev.nectar.tools.impl.Cards;
import dev.nectar.tools.impl.KnowledgeSearchTool;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The planner that needs no LLM (DESIGN.md's recipe): detectors first, then the dialogue state (a question
 * awaiting its answer), then intents scored from the manifests' examples and cues plus the slots, with the
 * buyer's own orders filling what the message leaves open. Replies come from {@code prompts/} templates.
 */
@DefaultBean
@ApplicationScoped
public class EmbeddedPlanner implements Planner {
    private static final Logger LOG = Logger.getLogger(EmbeddedPlanner.class);
    static final Set<OrderStatus> IN_TRANSIT = EnumSet.of(OrderStatus.SHIPPED);
    static final Set<OrderStatus> AWAITING_DISPATCH = EnumSet.of(OrderStatus.PAID);
    static final Set<OrderStatus> RECEIVED = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED);
    static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    private static final String FALLBACK = "fallbackTool";
    private static final String ARGS = "lastArgs";
    /** Variants offered as quick replies when the bot asks which one; more are only listed in the text. */
    private static final int MAX_VARIANT_CHOICES = 6;
    /** Marks arguments continued from the bot's variant question, so a bare yes can take the only variant left. */
    private static final String ASKED = "answering";

    private static final Map<String, String> TOOL_OF = Map.of(Interpreter.KNOWLEDGE, ToolNames.KNOWLEDGE_SEARCH,
            Interpreter.RECOMMEND, ToolNames.PRODUCT_RECOMMENDATION, Interpreter.ORDER, ToolNames.ORDER_LOOKUP,
            Interpreter.LOGISTICS, ToolNames.LOGISTICS_TRACKING, Interpreter.AFTER_SALE, ToolNames.AFTER_SALE_REQUEST,
            Interpreter.CANCEL, ToolNames.CANCEL_ORDER);

    private final Understander understander;
    private final Interpreter interpreter;
    private final Responder responder;
    private final ItemSimilarity items;
    private final PlannerCues cues;

    public EmbeddedPlanner(Understander understander, Interpreter interpreter, Responder responder, ItemSimilarity items,
                           PlannerCues cues) {
        this.understander = understander;
        this.interpreter = interpreter;
        this.responder = responder;
        this.items = items;
        this.cues = cues;
    }

    @Override
    public PlanStep next(PlanningContext ctx) {
        Interpreter.Interpretation in = ctx.memo("interpretation", () -> interpreter.interpret(ctx.buyer().merchantId(),
                understander.understand(ctx.buyer().merchantId(), ctx.text(), ctx.orders(), ctx.catalog()),
                ctx.orders(), ctx.catalog(), !ctx.images().isEmpty()));
        ToolResult last = ctx.lastResult();
        return last == null ? decide(ctx, in) : afterTool(ctx, in.understanding(), last);
    }

    private PlanStep decide(PlanningContext ctx, Interpreter.Interpretation in) {
        Understanding u = in.understanding();
        DialogueState st = ctx.state();
        String decision = in.decision();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("decision %s from %s, pending %s", decision, in.intents().subList(0, Math.min(3, in.intents().size())),
                    st.pendingQuestion == null ? "-" : st.pendingQuestion.missing());
        }
        switch (decision) {
            case Interpreter.INJECTION -> {
                st.pendingQuestion = null;
                return reply("injection");
            }
            case Interpreter.HANDOFF_HEALTH -> {
                return handoff(ctx, "HEALTH_SAFETY", healthSkill(ctx, u));
            }
            case Interpreter.HANDOFF_REQUESTED -> {
                return handoff(ctx, "REQUESTED", "general");
            }
            case Interpreter.HANDOFF_COMPLAINT -> {
                return handoff(ctx, "COMPLAINT", "general");
            }
            default -> {
            }
        }
        if (st.pendingQuestion != null) {
            Optional<PlanStep> answered = continueQuestion(ctx, in, st.pendingQuestion);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        if (st.pendingAction != null) {
            // an answer that names the order again (没付款的那个) renews the same confirmation; anything else replaces it
            DialogueState.PendingAction pending = st.pendingAction;
            st.pendingAction = null;
            String id = (String) pending.args().get("orderId");
            Optional<Order> same = ctx.orders().stream().filter(o -> o.orderId().equals(id)).findFirst();
            if (same.isPresent() && OrderResolver.pick(u.slots(), u.text().folded(), List.of(same.get())).isPresent()
                    && in.stated().afterSaleKind().isEmpty()) {
                return call(ctx, pending.tool(), pending.args());
            }
            if (same.isPresent() && pending.tool().equals(ToolNames.AFTER_SALE_REQUEST)
                    && decision.equals(Interpreter.AFTER_SALE) && namesOnly(u.slots(), id)) {
                // a change of mind (算了不退了,换37码吧) keeps the order and the reason the buyer was about to confirm
                Map<String, Object> keep = new LinkedHashMap<>(Map.of("orderId", id));
                Optional.ofNullable(pending.args().get("reason")).ifPresent(v -> keep.put("reason", v));
                return afterSale(ctx, u, keep);
            }
        }
        if (decision.equals(Interpreter.SMALLTALK)) {
            st.strikes = 0;
            boolean thanks = u.smallTalk().filter(t -> t.kind() != SmallTalk.Kind.GREETING).isPresent();
            return reply(thanks ? "thanks" : "greeting");
        }
        if (bareAnswer(in.stated()) && ctx.images().isEmpty()) {
            // a yes or no with nothing pending answers nothing: never act on it or list orders
            return reply("confirm.nothing");
        }
        Optional<List<String>> unsure = st.pendingQuestion == null && ctx.images().isEmpty() ? in.unsure(decision) : Optional.empty();
        if (unsure.isPresent()) {
            // quick replies that read as clear requests of their own, so the buyer's tap is understood like any message
            List<String> choices = unsure.get().stream().map(i -> responder.render("clarify." + i, Map.of())).toList();
            return reply("ask.clarify", Map.of("first", choices.get(0), "second", choices.get(1)), choices);
        }
        String intent = TOOL_OF.get(decision);
        if (intent.equals(ToolNames.KNOWLEDGE_SEARCH)) {
            // the knowledge base answers first; the next most probable tool runs when it has nothing
            ctx.remember(FALLBACK, in.runnerUp(decision).map(TOOL_OF::get).orElse(null));
        }
        if (!ctx.images().isEmpty() && !intent.equals(ToolNames.AFTER_SALE_REQUEST)) {
            // a photo with no after-sale request around it: check it, keep it for the request that follows, and ask
            ctx.images().stream().filter(i -> !st.recentImages.contains(i)).forEach(st.recentImages::add);
            return call(ctx, ToolNames.IMAGE_VERIFICATION, Map.of("imageId", ctx.images().get(0)));
        }
        return route(ctx, u, intent, Map.of());
    }

    /** The message names no order but this one: 换成30袋装的 refers to the item of the order being settled. */
    private static boolean namesOnly(Slots s, String orderId) {
        return s.orderIds().stream().allMatch(orderId::equals)
                && s.mentionedOrders().stream().allMatch(m -> m.order().orderId().equals(orderId));
    }

    /** The message asks for a refund only in so many words (仅退款, 不用寄回), not by a plain 退款. */
    private static boolean explicitRefundOnly(Slots s) {
        return s.cues().stream().anyMatch(c -> c.label().equals(AfterSaleKind.REFUND_ONLY.name()) && c.weight() > 1);
    }

    /** A yes or no and nothing else the bot could act on (确认, 好的, 不用了). */
    private static boolean bareAnswer(Slots s) {
        return s.yesNo().isPresent() && s.afterSaleKind().isEmpty() && s.reason().isEmpty() && s.orderIds().isEmpty()
                && s.mentionedOrders().isEmpty() && s.mentionedProducts().isEmpty() && s.ordinal().isEmpty()
                && s.statusHints().isEmpty();
    }

    /** Builds the call for a tool from the message, the dialogue and the buyer's orders, or asks what is missing. */
    private PlanStep route(PlanningContext ctx, Understanding u, String tool, Map<String, Object> known) {
        Slots s = u.slots();
        DialogueState st = ctx.state();
        switch (tool) {
            case ToolNames.KNOWLEDGE_SEARCH:
                return call(ctx, tool, Map.of("query", ctx.text(), "k", 3));
            case ToolNames.PRODUCT_RECOMMENDATION: {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("query", ctx.text());
                s.priceMax().ifPresent(v -> args.put("priceMax", v));
                s.priceMin().ifPresent(v -> args.put("priceMin", v));
                s.priceAround().ifPresent(v -> args.put("priceAround", v));
                s.weightKg().ifPresent(v -> args.put("weightKg", v));
                s.count().ifPresent(v -> args.put("count", v));
                return call(ctx, tool, args);
            }
            case ToolNames.ORDER_LOOKUP: {
                // the order the message names by id, by item (保温杯那单) or by state (待付款的那个), else the list
                OrderResolver.Resolution r = OrderResolver.resolve(s, u.text().folded(), ctx.orders(), EnumSet.allOf(OrderStatus.class), null);
                Optional<String> orderId = r.resolved() ? Optional.of(r.orderId())
                        : byMeaning(u, r.candidates()).map(Order::orderId);
                return call(ctx, tool, orderId.<Map<String, Object>>map(id -> Map.of("orderId", id)).orElse(Map.of()));
            }
            case ToolNames.LOGISTICS_TRACKING: {
                // 什么时候发货 is about an order still in the warehouse, when the buyer has one
                boolean dispatch = cues.dispatch(u.text().folded())
                        && ctx.orders().stream().anyMatch(o -> AWAITING_DISPATCH.contains(o.status()));
                return withOrder(ctx, u, tool, dispatch ? AWAITING_DISPATCH : IN_TRANSIT, known);
            }
            case ToolNames.CANCEL_ORDER:
                return withOrder(ctx, u, tool, CANCELLABLE, known);
            case ToolNames.AFTER_SALE_REQUEST: {
                // what the first message said (仅退款, 袋子破了) survives the question about which order
                Map<String, Object> stated = new LinkedHashMap<>(known);
                s.afterSaleKind().filter(k -> k != AfterSaleKind.CANCEL).ifPresent(k -> stated.putIfAbsent("type", afterSaleType(s)));
                s.reason().ifPresent(r -> stated.putIfAbsent("reason", r.name()));
                // a parcel that never came is one still on its way, when the buyer has such an order
                boolean lost = s.reason().filter(r -> r == Reason.NOT_RECEIVED).isPresent()
                        && ctx.orders().stream().anyMatch(o -> IN_TRANSIT.contains(o.status()));
                return withOrder(ctx, u, tool, lost ? IN_TRANSIT : RECEIVED, stated);
            }
            default:
                st.strikes = 0;
                return reply("fallback");
        }
    }

    private PlanStep withOrder(PlanningContext ctx, Understanding u, String tool, Set<OrderStatus> eligible,
                               Map<String, Object> known) {
        OrderResolver.Resolution r = known.containsKey("orderId")
                ? OrderResolver.Resolution.of((String) known.get("orderId"))
                : OrderResolver.resolve(u.slots(), u.text().folded(), ctx.orders(), eligible, ctx.state().lastOrderId);
        if (!r.resolved()) {
            List<Order> candidates = candidates(tool, r, ctx.orders());
            Optional<Order> meant = byMeaning(u, candidates);
            if (meant.isPresent()) {
                return withOrder(ctx, u, tool, eligible, merge(known, Map.of("orderId", meant.get().orderId())));
            }
            if (candidates.size() == 1) {
                return withOrder(ctx, u, tool, eligible, merge(known, Map.of("orderId", candidates.get(0).orderId())));
            }
            if (candidates.isEmpty()) {
                return reply("ask.order.none");
            }
            return askOrder(ctx, tool, known, candidates);
        }
        Map<String, Object> args = merge(known, Map.of("orderId", r.orderId()));
        if (!tool.equals(ToolNames.AFTER_SALE_REQUEST)) {
            return call(ctx, tool, Map.of("orderId", r.orderId()));
        }
        return afterSale(ctx, u, args);
    }

    /** The one candidate the message's item nouns clearly mean, when no shared characters decided. */
    private Optional<Order> byMeaning(Understanding u, List<Order> candidates) {
        return OrderResolver.byMeaning(understander.itemNouns(u), candidates, items);
    }

    /** The orders the bot offers to choose from when the message names none: for tracking, any not cancelled. */
    private static List<Order> candidates(String tool, OrderResolver.Resolution r, List<Order> orders) {
        return r.candidates().isEmpty() && tool.equals(ToolNames.LOGISTICS_TRACKING)
                ? orders.stream().filter(o -> o.status() != OrderStatus.CANCELLED).limit(5).toList()
                : r.candidates();
    }

    /** The after-sale type a message asks for: its kind, else an exchange when it names a size to change to. */
    static String afterSaleType(Slots s) {
        if (s.reason().filter(r -> r == Reason.NOT_RECEIVED).isPresent()
                && s.afterSaleKind().filter(k -> k == AfterSaleKind.EXCHANGE).isEmpty()) {
            return "REFUND_ONLY"; // nothing arrived, so nothing goes back
        }
        return s.afterSaleKind().filter(k -> k != AfterSaleKind.CANCEL).map(Enum::name)
                .orElse(s.targetSize().isPresent() && s.reason().filter(r -> r == Reason.SIZE).isPresent() ? "EXCHANGE" : "RETURN_REFUND");
    }

    private PlanStep afterSale(PlanningContext ctx, Understanding u, Map<String, Object> known) {
        Slots s = u.slots();
        Map<String, Object> args = new LinkedHashMap<>(known);
        boolean answeringVariant = args.remove(ASKED) != null;
        String orderId = (String) args.get("orderId");
        Optional<Order> order = ctx.orders().stream().filter(o -> o.orderId().equals(orderId)).findFirst();
        s.reason().ifPresent(r -> args.put("reason", r.name()));
        boolean sizeTalk = s.targetSize().isPresent() || s.sizeDirection().isPresent();
        if (s.afterSaleKind().filter(k -> k != AfterSaleKind.CANCEL).isPresent() || !args.containsKey("type")) {
            args.put("type", afterSaleType(s));
        }
        if (!args.containsKey("reason") && "EXCHANGE".equals(args.get("type")) && sizeTalk) {
            args.put("reason", Reason.SIZE.name());
        }
        if ("REFUND_ONLY".equals(args.get("type")) && !explicitRefundOnly(s)
                && (Reason.SIZE.name().equals(args.get("reason")) || Reason.NO_REASON.name().equals(args.get("reason")))) {
            args.put("type", "RETURN_REFUND"); // 退款 for a size or a change of mind: the goods go back first
        }
        List<String> images = new ArrayList<>();
        if (args.get("imageIds") instanceof List<?> l) {
            l.forEach(i -> images.add(String.valueOf(i)));
        }
        ctx.images().stream().filter(i -> !images.contains(i)).forEach(images::add);
        ctx.state().recentImages.stream().filter(i -> !images.contains(i)).forEach(images::add);
        ctx.state().recentImages.clear();
        if (!images.isEmpty()) {
            args.put("imageIds", images);
        }
        if (order.isEmpty()) {
            // not the buyer's order: the tool answers exactly as for an unknown id
            args.putIfAbsent("reason", Reason.OTHER.name());
            return call(ctx, ToolNames.AFTER_SALE_REQUEST, args);
        }
        if ("EXCHANGE".equals(args.get("type")) && !args.containsKey("targetSku")) {
            // what to exchange for is settled first: a target out of stock ends the exchange before any reason is asked
            Optional<PlanStep> asked = exchangeTarget(ctx, u, args, order.get(), answeringVariant);
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        if (!args.containsKey("reason")) {
            Optional<Long> days = daysSinceDelivery(order.get());
            Policy p = ctx.policy();
            if (days.isPresent() && days.get() > Math.max(p.noReasonReturnDays(), p.qualityClaimDays())) {
                return reply("aftersale.windows_passed", Map.of("orderId", orderId, "days", days.get(),
                        "noReasonDays", p.noReasonReturnDays(), "qualityDays", p.qualityClaimDays()));
            }
            ctx.state().pendingQuestion = new DialogueState.PendingQuestion(ToolNames.AFTER_SALE_REQUEST, args, "reason", List.of());
            return reply("ask.reason", Map.of("kind", kindText((String) args.get("type"))),
                    List.of("不想要了", "尺码不合适", "质量问题", "商品破损"));
        }
        return call(ctx, ToolNames.AFTER_SALE_REQUEST, args);
    }

    /**
     * Puts the exchange's target variant into {@code args} (a named size, a step up or down, a described variant, or
     * the only one in stock when the buyer just says yes), or returns the question or refusal to send instead.
     */
    private Optional<PlanStep> exchangeTarget(PlanningContext ctx, Understanding u, Map<String, Object> args, Order order,
                                              boolean answeringVariant) {
        Slots s = u.slots();
        Optional<Product> current = order.items().stream()
                .map(i -> ctx.catalog().stream().filter(p -> p.sku().equals(i.sku())).findFirst())
                .flatMap(Optional::stream).findFirst();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<Product> siblings = Variants.siblings(current.get(), ctx.catalog());
        List<Product> inStock = siblings.stream().filter(Product::inStock).filter(v -> !v.sku().equals(current.get().sku())).toList();
        Optional<Product> target = s.targetSize().flatMap(t -> Variants.named(siblings, t))
                .or(() -> s.sizeDirection().flatMap(d -> Variants.step(siblings, current.get(), d)))
                .or(() -> Variants.described(siblings, current.get(), u.text().folded()))
                .or(() -> answeringVariant && inStock.size() == 1
                        && s.yesNo().filter(y -> y == dev.nectar.planner.understanding.YesNo.YES).isPresent()
                        ? Optional.of(inStock.get(0)) : Optional.empty());
        List<String> labels = inStock.stream().map(v -> Variants.sizeOf(v).orElse(v.title())).toList();
        String options = String.join("、", labels);
        if (target.isPresent() && !target.get().sku().equals(current.get().sku()) && !target.get().inStock()) {
            ctx.state().pendingQuestion = options.isEmpty() ? null : askedFor(args, "size");
            return Optional.of(reply("aftersale.target_out_of_stock", Map.of("target", target.get().title(), "options",
                    options.isEmpty() ? responder.render("aftersale.target_none", Map.of())
                            : responder.render("aftersale.target_options", Map.of("options", options)))));
        }
        if (target.isEmpty() && !args.containsKey("reason") && !inStock.isEmpty()) {
            return Optional.empty(); // nothing named yet: why comes first, one question at a time, then which variant
        }
        if (target.isEmpty() || target.get().sku().equals(current.get().sku())) {
            ctx.state().pendingQuestion = askedFor(args, "size");
            List<String> choices = labels.size() >= 2 && labels.size() <= MAX_VARIANT_CHOICES ? labels : List.of();
            return Optional.of(options.isEmpty() ? reply("aftersale.no_variant", Map.of("title", current.get().title()))
                    : reply("ask.size", Map.of("options", options), choices));
        }
        args.put("targetSku", target.get().sku());
        return Optional.empty();
    }

    /** The question awaiting {@code missing} for these arguments. */
    private static DialogueState.PendingQuestion askedFor(Map<String, Object> args, String missing) {
        return new DialogueState.PendingQuestion(ToolNames.AFTER_SALE_REQUEST, args, missing, List.of());
    }

    private Optional<PlanStep> continueQuestion(PlanningContext ctx, Interpreter.Interpretation in, DialogueState.PendingQuestion q) {
        DialogueState st = ctx.state();
        Understanding u = in.understanding();
        Slots s = u.slots();
        Slots stated = in.stated();
        if (q.missing().equals("evidence") && !ctx.images().isEmpty()) {
            // the photo the bot asked for continues the request, whatever words come with it
            st.pendingQuestion = null;
            return Optional.of(afterSale(ctx, u, q.args()));
        }
        boolean afterSaleFlow = q.tool().equals(ToolNames.AFTER_SALE_REQUEST) && q.args() != null && q.args().get("orderId") != null;
        Optional<AfterSaleKind> newKind = stated.afterSaleKind().filter(k -> k != AfterSaleKind.CANCEL)
                .filter(k -> !k.name().equals(q.args() == null ? null : q.args().get("type")));
        if (afterSaleFlow && newKind.isPresent() && stated.orderIds().isEmpty()) {
            // a change of mind (算了不退了,换成37码吧): same order, the new kind, what this message says
            st.pendingQuestion = null;
            Map<String, Object> keep = new LinkedHashMap<>();
            keep.put("orderId", q.args().get("orderId"));
            Optional.ofNullable(q.args().get("imageIds")).ifPresent(v -> keep.put("imageIds", v));
            Optional.ofNullable(q.args().get("reason")).ifPresent(v -> keep.put("reason", v));
            return Optional.of(afterSale(ctx, u, keep));
        }
        boolean newRequest = stated.afterSaleKind().isPresent() && !q.missing().equals("reason")
                || !s.orderIds().isEmpty() && !q.missing().equals("orderId");
        if (newRequest || stated.yesNo().filter(y -> y == dev.nectar.planner.understanding.YesNo.NO).isPresent()) {
            st.pendingQuestion = null;
            return stated.yesNo().isPresent() && !newRequest ? Optional.of(reply("confirm.declined")) : Optional.empty();
        }
        switch (q.missing()) {
            case "orderId" -> {
                List<Order> candidates = ctx.orders().stream().filter(o -> q.candidates().contains(o.orderId())).toList();
                Optional<Order> picked = OrderResolver.pick(s, u.text().folded(), candidates)
                        .or(() -> byMeaning(u, candidates));
                if (picked.isPresent()) {
                    st.pendingQuestion = null;
                    return Optional.of(withOrder(ctx, u, q.tool(), EnumSet.allOf(OrderStatus.class),
                            merge(q.args(), Map.of("orderId", picked.get().orderId()))));
                }
            }
            case "evidence" -> {
                if (!ctx.images().isEmpty()) {
                    st.pendingQuestion = null;
                    return Optional.of(afterSale(ctx, u, q.args()));
                }
            }
            case "reason" -> {
                Optional<Reason> reason = s.reason().or(in::learnedReason);
                if (reason.isPresent()) {
                    st.pendingQuestion = null;
                    return Optional.of(afterSale(ctx, u.withSlots(s.orLearned(reason, Optional.empty())), q.args()));
                }
            }
            case "size" -> {
                // the answer may name the variant (M码, 大一号, 月光银的) or, with one left in stock, just say yes
                st.pendingQuestion = null;
                PlanStep step = afterSale(ctx, u, merge(q.args(), Map.of(ASKED, true)));
                boolean askedAgain = st.pendingQuestion != null && "size".equals(st.pendingQuestion.missing());
                if (!askedAgain || s.targetSize().isPresent() || s.sizeDirection().isPresent() || s.yesNo().isPresent()) {
                    return Optional.of(step);
                }
                st.pendingQuestion = null; // nothing about the variant: the message is served on its own below
            }
            default -> {
            }
        }
        // not an answer: a new question is served on its own, and the pending one is dropped
        st.pendingQuestion = null;
        return Optional.empty();
    }

    private PlanStep afterTool(PlanningContext ctx, Understanding u, ToolResult last) {
        DialogueState st = ctx.state();
        if (last.tool().equals(ToolNames.KNOWLEDGE_SEARCH)) {
            if (last.ok() && KnowledgeSearchTool.FOUND.equals(last.status())) {
                st.strikes = 0;
                return new PlanStep.Reply(responder.render(last), last.cards(), last.quickReplies());
            }
            String fallback = ctx.recall(FALLBACK);
            if (fallback != null) {
                ctx.remember(FALLBACK, null);
                return route(ctx, u, fallback, Map.of());
            }
            // a guess the bot is not sure of counts as not answered: twice in a row goes to a person
            st.strikes++;
            if (st.strikes >= 2) {
                st.strikes = 0;
                return handoff(ctx, "UNANSWERED", "general");
            }
            if (last.ok() && KnowledgeSearchTool.UNSURE.equals(last.status())) {
                return new PlanStep.Reply(responder.render(last), last.cards(), List.of("转人工"));
            }
            return reply("unanswered", Map.of(), List.of("转人工"));
        }
        st.strikes = 0;
        Object orderId = last.facts().get("orderId");
        if (orderId instanceof String id && last.ok() && !ToolResult.NOT_FOUND.equals(last.status())) {
            st.lastOrderId = id;
        }
        if (last.tool().equals(ToolNames.AFTER_SALE_REQUEST)
                && ("NEEDS_EVIDENCE".equals(last.status()) || "NEEDS_TARGET".equals(last.status()))) {
            Map<String, Object> args = ctx.recall(ARGS);
            st.pendingQuestion = new DialogueState.PendingQuestion(ToolNames.AFTER_SALE_REQUEST, args,
                    "NEEDS_EVIDENCE".equals(last.status()) ? "evidence" : "size", List.of());
            return new PlanStep.Reply(responder.render(last), last.cards(), last.quickReplies());
        }
        if (last.tool().equals(ToolNames.LOGISTICS_TRACKING) && "CHOOSE".equals(last.status())) {
            List<String> ids = last.cards().stream().map(c -> (String) c.get("orderId")).toList();
            return askOrder(ctx, last.tool(), Map.of(), ctx.orders().stream().filter(o -> ids.contains(o.orderId())).toList());
        }
        if (last.tool().equals(ToolNames.PRODUCT_RECOMMENDATION)) {
            st.lastProducts = last.cards().stream().map(c -> (String) c.get("sku")).toList();
        }
        return new PlanStep.Reply(responder.render(last), last.cards(), last.quickReplies());
    }

    private PlanStep askOrder(PlanningContext ctx, String tool, Map<String, Object> known, List<Order> candidates) {
        List<Order> shown = candidates.stream().limit(5).toList();
        ctx.state().pendingQuestion = new DialogueState.PendingQuestion(tool, known, "orderId",
                shown.stream().map(Order::orderId).toList());
        String lines = java.util.stream.IntStream.range(0, shown.size())
                .mapToObj(i -> (i + 1) + ". " + shown.get(i).orderId() + " " + Cards.itemsText(shown.get(i))
                        + "(" + Cards.statusText(shown.get(i).status()) + ")")
                .collect(Collectors.joining("\n"));
        return new PlanStep.Reply(responder.render("ask.order", Map.of("lines", lines)),
                shown.stream().map(Cards::order).toList(),
                java.util.stream.IntStream.range(0, shown.size()).mapToObj(i -> "第" + (i + 1) + "个").toList());
    }

    private PlanStep handoff(PlanningContext ctx, String reason, String skill) {
        ctx.state().pendingQuestion = null;
        String orders = ctx.state().lastOrderId == null ? "" : ";相关订单 " + ctx.state().lastOrderId;
        String summary = "买家 " + ctx.buyer().buyerId() + ":" + abbreviate(ctx.text(), 120) + orders
                + ";转人工原因 " + reason;
        return call(ctx, ToolNames.HANDOFF_TO_HUMAN, Map.of("reason", reason, "skill", skill, "summary", summary));
    }

    private PlanStep call(PlanningContext ctx, String tool, Map<String, Object> args) {
        ctx.remember(ARGS, new LinkedHashMap<>(args));
        return new PlanStep.CallTool(tool, args);
    }

    private PlanStep reply(String key) {
        return reply(key, Map.of());
    }

    private PlanStep reply(String key, Map<String, ?> facts) {
        return reply(key, facts, List.of());
    }

    private PlanStep reply(String key, Map<String, ?> facts, List<String> quickReplies) {
        return new PlanStep.Reply(responder.render(key, facts), List.of(), quickReplies);
    }

    /**
     * The certified skill for a health or safety case: the category of what the message is about (an order it names,
     * an item or product it mentions), else of what the buyer bought (newest first), else the detector's category
     * hint matched against the policy's keys, else the merchant's only certified skill; {@code general} otherwise.
     */
    private static String healthSkill(PlanningContext ctx, Understanding u) {
        return healthSkill(ctx.policy(), ctx.catalog(), ctx.orders(), u);
    }

    static String healthSkill(Policy policy, List<Product> catalog, List<Order> orders, Understanding u) {
        Map<String, String> skills = policy.categorySkills();
        Map<String, String> categoryOf = catalog.stream().filter(p -> p.category() != null)
                .collect(Collectors.toMap(Product::sku, Product::category, (a, b) -> a));
        List<String> categories = new ArrayList<>();
        orders.stream().filter(o -> u.slots().orderIds().contains(o.orderId()))
                .flatMap(o -> o.items().stream()).map(i -> categoryOf.get(i.sku())).forEach(categories::add);
        u.slots().mentionedOrders().forEach(m -> m.items().forEach(i -> categories.add(i.category())));
        u.slots().mentionedProducts().forEach(m -> categories.add(m.product().category()));
        orders.forEach(o -> o.items().forEach(i -> categories.add(categoryOf.get(i.sku()))));
        Optional<String> certified = categories.stream().filter(java.util.Objects::nonNull).map(skills::get)
                .filter(java.util.Objects::nonNull).findFirst();
        if (certified.isPresent()) {
            return certified.get();
        }
        Optional<String> hint = u.healthSafety().flatMap(h -> h.categoryHint());
        Optional<String> byHint = hint.flatMap(h -> skills.entrySet().stream()
                .filter(e -> e.getKey().equals(h) || e.getKey().contains(h) || h.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst());
        if (byHint.isPresent()) {
            return byHint.get();
        }
        Set<String> distinct = Set.copyOf(skills.values());
        return distinct.size() == 1 ? distinct.iterator().next() : "general";
    }

    static Optional<Long> daysSinceDelivery(Order o) {
        return Optional.ofNullable(o.deliveredAt()).map(d -> Duration.between(d.toInstant(), Instant.now()).toDays());
    }

    private static String kindText(String type) {
        return switch (type) {
            case "REFUND_ONLY" -> "仅退款";
            case "EXCHANGE" -> "换货";
            default -> "退货退款";
        };
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
