package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.aftersales.PolicyDecision.Code;
import dev.nectar.aftersales.PolicyDecision.Outcome;
import dev.nectar.aftersales.PolicyDecision.Window;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The merchant's after-sales policy applied to one request (CONTRACT "Policy outcomes" 3-9). A pure function: it
 * reads nothing and writes nothing, so the same inputs always give the same decision.
 *
 * <p>Day counting: {@code days} = whole 24-hour periods from delivery to {@code now}, rounded down (never below 0);
 * "at most N days" means {@code days <= N}. An order DELIVERED or COMPLETED without {@code deliveredAt} counts from
 * {@code shippedAt}, else {@code paidAt}, else {@code createdAt}: all of them precede delivery, so the estimate can
 * only make a window close earlier, never stay open too long.
 *
 * <p>Decisions beyond the contract's letter, all towards a person rather than money out:
 * <ul>
 * <li>NOT_RECEIVED on a delivered order (refund-only or return), or refund-only NOT_RECEIVED on a shipped one: a
 *     person checks the carrier's proof of delivery (PENDING_REVIEW), within the quality window. An exchange of
 *     goods never received is refused (ask for a refund instead).</li>
 * <li>OTHER counts as a no-reason request for returns and exchanges; refund-only OTHER uses the quality window.</li>
 * <li>Any photo that is not AUTHENTIC turns an approval into a review, whatever the request type.</li>
 * <li>An open case of another type on the same order (money could go out twice) turns an approval into a review.</li>
 * <li>A no-reason return of an item missing from the catalog (its category unknown) goes to review.</li>
 * <li>The refund-only limit compares the order total, as the contract says, even for part of an order.</li>
 * </ul>
 */
public final class PolicyEngine {

    private PolicyEngine() {
    }

    /**
     * @param productsBySku the order's products and every variant of their spus (and the requested target)
     * @param evidence      verdicts for the request's photos
     * @param openCases     the order's open cases, any type
     */
    public static PolicyDecision evaluate(AfterSaleRequest req, Order order, Policy policy,
                                          Map<String, Product> productsBySku, List<EvidenceVerdict> evidence,
                                          BuyerProfile profile, Instant now, List<AfterSaleCase> openCases) {
        Policy p = policy.withDefaults();
        Draft d = new Draft(req, order);
        Optional<AfterSaleCase> same = openCases.stream()
                .filter(c -> c.status().open() && c.type() == req.type() && c.orderId().equals(order.orderId()))
                .findFirst();
        if (same.isPresent()) {
            return alreadyOpen(same.get(), order);
        }
        if (req.type() == Type.CANCEL) {
            return cancel(d, order.status());
        }
        List<String> unknownSkus = req.skus().stream()
                .filter(s -> order.items().stream().noneMatch(i -> i.sku().equals(s))).toList();
        if (!unknownSkus.isEmpty()) {
            d.items = unknownSkus;
            return d.decide(Outcome.REFUSE, Code.ITEM_NOT_IN_ORDER);
        }
        Checks c = new Checks(d, p, productsBySku, evidence, profile,
                openCases.stream().anyMatch(o -> o.status().open() && o.type() != req.type()));
        switch (order.status()) {
            case PENDING_PAYMENT, PAID:
                return d.decide(Outcome.REFUSE, Code.NOT_SHIPPED);
            case CANCELLED:
                return d.decide(Outcome.REFUSE, Code.ORDER_CANCELLED);
            case SHIPPED:
                return req.type() == Type.REFUND_ONLY && req.reason() == Reason.NOT_RECEIVED
                        ? d.decide(Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW)
                        : d.decide(Outcome.REFUSE, Code.NOT_DELIVERED);
            default:
                d.delivered(now);
                return switch (req.type()) {
                    case RETURN_REFUND -> returnRefund(c, req.reason());
                    case REFUND_ONLY -> refundOnly(c, req.reason());
                    case EXCHANGE -> exchange(c, req);
                    case CANCEL -> throw new IllegalStateException("handled above");
                };
        }
    }

    private static PolicyDecision cancel(Draft d, OrderStatus status) {
        return switch (status) {
            case PENDING_PAYMENT, PAID -> d.decide(Outcome.APPROVE, Code.CANCEL_ACCEPTED);
            case SHIPPED -> d.decide(Outcome.REFUSE, Code.NOT_CANCELLABLE_SHIPPED);
            case DELIVERED, COMPLETED -> d.decide(Outcome.REFUSE, Code.NOT_CANCELLABLE_DONE);
            case CANCELLED -> d.decide(Outcome.REFUSE, Code.ALREADY_CANCELLED);
        };
    }

    private static PolicyDecision returnRefund(Checks c, Reason reason) {
        if (reason == Reason.NOT_RECEIVED) {
            return c.window(Window.QUALITY).orElseGet(() -> c.d.decide(Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW));
        }
        if (reason.defect()) {
            return c.window(Window.QUALITY).or(c::photo).orElseGet(() -> c.settle(Code.QUALITY_ACCEPTED));
        }
        return c.window(Window.NO_REASON).or(c::excluded).or(c::unknownProducts)
                .orElseGet(() -> c.settle(Code.RETURN_ACCEPTED));
    }

    private static PolicyDecision refundOnly(Checks c, Reason reason) {
        if (reason == Reason.NOT_RECEIVED) {
            return c.window(Window.QUALITY).orElseGet(() -> c.d.decide(Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW));
        }
        if (reason.defect()) {
            return c.window(Window.QUALITY).or(c::photo).orElseGet(c::settleRefundOnly);
        }
        Window window = reason == Reason.OTHER ? Window.QUALITY : Window.NO_REASON;
        return c.window(window).orElseGet(c::settleRefundOnly);
    }

    private static PolicyDecision exchange(Checks c, AfterSaleRequest req) {
        if (req.reason() == Reason.NOT_RECEIVED) {
            return c.d.decide(Outcome.REFUSE, Code.EXCHANGE_NOT_RECEIVED);
        }
        boolean defect = req.reason().defect();
        return c.window(defect ? Window.QUALITY : Window.NO_REASON)
                .or(() -> c.target(req.targetSku()))
                .or(() -> defect ? c.photo() : c.excluded())
                .orElseGet(() -> c.settle(Code.EXCHANGE_ACCEPTED));
    }

    /** The rule checks over one draft; each returns the decision that stops the request, or empty to go on. */
    private record Checks(Draft d, Policy p, Map<String, Product> products, List<EvidenceVerdict> evidence,
                          BuyerProfile profile, boolean otherCaseOpen) {

        Optional<PolicyDecision> window(Window window) {
            d.window = window;
            d.windowDays = window == Window.NO_REASON ? p.noReasonReturnDays() : p.qualityClaimDays();
            return d.days > d.windowDays ? Optional.of(d.decide(Outcome.REFUSE, Code.WINDOW_PASSED)) : Optional.empty();
        }

        Optional<PolicyDecision> excluded() {
            List<String> hit = d.items.stream().map(products::get).filter(Objects::nonNull).map(Product::category)
                    .filter(p.noReasonExcludedCategories()::contains).distinct().toList();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            d.categories = hit;
            return Optional.of(d.decide(Outcome.REFUSE, Code.EXCLUDED_CATEGORY));
        }

        Optional<PolicyDecision> unknownProducts() {
            return d.items.stream().allMatch(products::containsKey) ? Optional.empty()
                    : Optional.of(d.decide(Outcome.REVIEW, Code.UNKNOWN_PRODUCT));
        }

        Optional<PolicyDecision> photo() {
            return evidence.isEmpty() ? Optional.of(d.decide(Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED)) : Optional.empty();
        }

        /** Resolves the exchange target among the variants of the items' spus; narrows the items to its spu. */
        Optional<PolicyDecision> target(String targetSku) {
            if (targetSku != null) {
                Product target = products.get(targetSku);
                List<String> sources = target == null ? List.of() : d.items.stream()
                        .filter(s -> !s.equals(targetSku) && spuOf(s).filter(target.spu()::equals).isPresent()).toList();
                if (sources.isEmpty()) {
                    d.targetSku = targetSku;
                    return Optional.of(d.decide(Outcome.REFUSE, Code.NO_VARIANT));
                }
                d.items = sources;
                d.amount = d.itemsAmount();
                d.target(target);
                return target.inStock() ? Optional.empty() : Optional.of(d.decide(Outcome.REFUSE, Code.OUT_OF_STOCK));
            }
            Set<String> ordered = new LinkedHashSet<>(d.items);
            List<Product> variants = d.items.stream().map(this::spuOf).flatMap(Optional::stream).distinct()
                    .flatMap(spu -> products.values().stream().filter(v -> spu.equals(v.spu())))
                    .filter(v -> !ordered.contains(v.sku())).distinct().toList();
            List<Product> inStock = variants.stream().filter(Product::inStock).toList();
            if (inStock.size() == 1) {
                return target(inStock.get(0).sku());
            }
            if (inStock.size() > 1) {
                d.variants = inStock.stream().map(Product::sku).sorted().toList();
                return Optional.of(d.decide(Outcome.NEEDS_TARGET, Code.TARGET_NEEDED));
            }
            d.variants = variants.stream().map(Product::sku).sorted().toList();
            return Optional.of(d.decide(Outcome.REFUSE, variants.isEmpty() ? Code.NO_VARIANT : Code.OUT_OF_STOCK));
        }

        PolicyDecision settle(Code approval) {
            return review().orElseGet(() -> d.decide(Outcome.APPROVE, approval));
        }

        /** Rule 6: approve only small orders, all photos authentic, from a buyer without a refund-only pattern. */
        PolicyDecision settleRefundOnly() {
            if (suspicious()) {
                return d.decide(Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS);
            }
            if (profile.refundOnlyCount() >= p.refundOnlyAbuseCount()) {
                return d.decide(Outcome.REVIEW, Code.ABUSE_PATTERN);
            }
            if (d.order.total().compareTo(p.refundOnlyAutoApproveMax()) > 0) {
                d.limit = p.refundOnlyAutoApproveMax();
                return d.decide(Outcome.REVIEW, Code.OVER_AUTO_APPROVE_LIMIT);
            }
            return settle(Code.REFUND_ACCEPTED);
        }

        private Optional<PolicyDecision> review() {
            if (suspicious()) {
                return Optional.of(d.decide(Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS));
            }
            return otherCaseOpen ? Optional.of(d.decide(Outcome.REVIEW, Code.OTHER_CASE_OPEN)) : Optional.empty();
        }

        private boolean suspicious() {
            return evidence.stream().anyMatch(e -> !e.authentic());
        }

        private Optional<String> spuOf(String sku) {
            return Optional.ofNullable(products.get(sku)).map(Product::spu);
        }
    }

    /** The facts gathered so far for one request; {@link #decide} freezes them into a decision. */
    private static final class Draft {
        final AfterSaleRequest req;
        final Order order;
        List<String> items;
        BigDecimal amount;
        Integer days;
        Integer windowDays;
        Window window;
        boolean estimated;
        List<String> categories = List.of();
        String targetSku;
        String targetTitle;
        List<String> variants = List.of();
        BigDecimal limit;
        AfterSaleCase existing;

        Draft(AfterSaleRequest req, Order order) {
            this.req = req;
            this.order = order;
            boolean whole = req.type() == Type.CANCEL || req.skus().isEmpty();
            this.items = whole ? order.items().stream().map(Order.Item::sku).distinct().toList()
                    : req.skus().stream().distinct().toList();
            this.amount = whole ? order.total() : itemsAmount();
            this.targetSku = req.targetSku();
        }

        /** The value of the covered items, never more than the order total (which may carry a discount). */
        BigDecimal itemsAmount() {
            if (new LinkedHashSet<>(items).containsAll(order.items().stream().map(Order.Item::sku).toList())) {
                return order.total();
            }
            BigDecimal sum = order.items().stream().filter(i -> items.contains(i.sku()))
                    .map(i -> i.unitPrice().multiply(BigDecimal.valueOf(i.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
            return sum.min(order.total());
        }

        void delivered(Instant now) {
            OffsetDateTime at = order.deliveredAt();
            if (at == null) {
                estimated = true;
                at = Stream.of(order.shippedAt(), order.paidAt(), order.createdAt()).filter(Objects::nonNull)
                        .findFirst().orElseThrow();
            }
            days = (int) Math.max(0, Duration.between(at.toInstant(), now).toDays());
        }

        void target(Product target) {
            targetSku = target.sku();
            targetTitle = target.title();
        }

        Draft existing(AfterSaleCase c) {
            existing = c;
            items = c.items();
            amount = c.amount();
            targetSku = c.targetSku();
            return this;
        }

        PolicyDecision decide(Outcome outcome, Code code) {
            return new PolicyDecision(outcome, code, req.type(), req.reason(), order.orderId(), List.copyOf(items), amount,
                    days, windowDays, window, estimated, categories, targetSku, targetTitle, variants, limit,
                    order.insured(), existing);
        }
    }

    /** An open case reported again instead of a new one (rule 8). */
    public static PolicyDecision alreadyOpen(AfterSaleCase c, Order order) {
        return draft(c, order).decide(Outcome.ALREADY_OPEN, Code.ALREADY_OPEN);
    }

    /** The decision a case was created with, for a retried confirmation of the same action. */
    public static PolicyDecision replay(AfterSaleCase c, Order order) {
        Code code = Code.valueOf(c.reasonCode());
        return draft(c, order).decide(code.approval() ? Outcome.APPROVE : Outcome.REVIEW, code);
    }

    private static Draft draft(AfterSaleCase c, Order order) {
        return new Draft(new AfterSaleRequest(c.orderId(), c.type(), c.reason(), c.items(), c.targetSku(), null, null), order)
                .existing(c);
    }
}
