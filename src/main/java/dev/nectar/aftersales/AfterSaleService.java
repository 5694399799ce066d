package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.aftersales.PolicyDecision.Outcome;
import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.OrderStore;
import dev.nectar.commerce.Product;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.MerchantEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the after-sales tools call. The buyer always comes from the authenticated session ({@link BuyerIdentity}),
 * never from planner output; an order of another buyer is reported exactly like an unknown one. Every write is
 * judged again by the {@link PolicyEngine} at the moment it happens, whatever a preview said.
 */
@ApplicationScoped
public class AfterSaleService {
    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    private static final Set<Status> DECIDABLE = EnumSet.of(Status.PENDING_REVIEW, Status.NEEDS_EVIDENCE);

    private final OrderStore orders;
    private final CatalogStore catalog;
    private final PolicyStore policies;
    private final AfterSaleStore cases;
    private final EvidenceCheck evidenceCheck;
    private final Event<MerchantEvent> events;
    private final AuditLog audit;

    public AfterSaleService(OrderStore orders, CatalogStore catalog, PolicyStore policies, AfterSaleStore cases,
                            EvidenceCheck evidenceCheck, Event<MerchantEvent> events, AuditLog audit) {
        this.audit = audit;
        this.orders = orders;
        this.catalog = catalog;
        this.policies = policies;
        this.cases = cases;
        this.evidenceCheck = evidenceCheck;
        this.events = events;
    }

    /** What submitting would decide now; writes nothing. */
    public PolicyDecision preview(BuyerIdentity who, AfterSaleRequest req) {
        req.checked();
        return evaluate(who, ownOrder(who, req.orderId()), req).decision();
    }

    /**
     * Creates the case the policy allows, exactly once: concurrent or repeated confirmations get the same case back.
     *
     * @param actionId the buyer's confirmation; a retry with the same id returns the same result (may be null)
     */
    public AfterSaleResult submit(BuyerIdentity who, AfterSaleRequest req, String conversationId, String actionId) {
        req.checked();
        if (req.type() == Type.CANCEL) {
            return cancel(who, req.orderId(), conversationId, actionId);
        }
        Order order = ownOrder(who, req.orderId());
        Optional<AfterSaleResult> replay = replay(who, order, actionId);
        if (replay.isPresent()) {
            return replay.get();
        }
        return record(who, order, req, evaluate(who, order, req), conversationId, actionId);
    }

    /** Cancels an unpaid or unshipped order (order CANCELLED plus a CANCEL/APPROVED case), exactly once. */
    public AfterSaleResult cancel(BuyerIdentity who, String orderId, String conversationId, String actionId) {
        AfterSaleRequest req = AfterSaleRequest.cancel(orderId).checked();
        Order order = ownOrder(who, orderId);
        AfterSaleResult result = replay(who, order, actionId)
                .orElseGet(() -> record(who, order, req, evaluate(who, order, req), conversationId, actionId));
        if (result.afterSale() == null || cancelOrder(who, orderId, result.afterSale().caseId())) {
            return result;
        }
        // The case is in, but the order moved on (shipped) before it could be cancelled: the case must not stand.
        cases.decide(who.merchantId(), result.afterSale().caseId(), EnumSet.of(Status.APPROVED), Status.REJECTED,
                "订单在取消前已发货", OffsetDateTime.now())
                .ifPresent(c -> decided(c, AuditEntry.Actor.system()));
        Order now = ownOrder(who, orderId);
        return AfterSaleResult.noCase(evaluate(who, now, req).decision());
    }

    /** The buyer's open cases on one of their orders, or on all of them when {@code orderId} is null. */
    public List<AfterSaleCase> openCases(BuyerIdentity who, String orderId) {
        if (orderId == null) {
            return cases.list(who.merchantId(), null, who.buyerId(), null).stream().filter(c -> c.status().open()).toList();
        }
        return cases.openCases(who.merchantId(), ownOrder(who, orderId).orderId());
    }

    /** A merchant's decision on a case waiting for review or evidence; REJECTED frees the order for a new request. */
    public AfterSaleCase decide(String merchantId, String caseId, boolean approve, String note) {
        AfterSaleCase decided = cases.decide(merchantId, caseId, DECIDABLE, approve ? Status.APPROVED : Status.REJECTED, note, OffsetDateTime.now())
                .map(c -> decided(c, AuditEntry.Actor.merchant(merchantId)))
                .orElseThrow(() -> cases.find(merchantId, caseId)
                        .map(c -> ApiException.conflict("CASE_NOT_PENDING", "case " + caseId + " is " + c.status()
                                + "; only cases pending review or waiting for evidence can be decided"))
                        .orElseGet(() -> ApiException.notFound("after-sale case " + caseId)));
        return decided;
    }

    /** What a merchant's back office needs to act on a case: ids, kind, money and status, never the buyer's words. */
    private void fire(String type, AfterSaleCase c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.caseId());
        data.put("orderId", c.orderId());
        data.put("buyerId", c.buyerId());
        data.put("type", c.type().name());
        data.put("reason", c.reason() == null ? null : c.reason().name());
        data.put("items", c.items());
        data.put("amount", c.amount());
        data.put("status", c.status().name());
        data.put("conversationId", c.conversationId());
        if (c.decidedAt() != null) {
            data.put("decisionNote", c.decisionNote());
            data.put("decidedAt", c.decidedAt().toString());
        }
        events.fire(new MerchantEvent(c.merchantId(), type, data));
    }

    /** The buyer's own order; someone else's is exactly as unknown as one that does not exist. */
    private Order ownOrder(BuyerIdentity who, String orderId) {
        return orders.find(who.merchantId(), orderId).filter(o -> o.buyerId().equals(who.buyerId()))
                .orElseThrow(() -> ApiException.notFound("order " + orderId));
    }

    private record Evaluation(PolicyDecision decision, List<EvidenceVerdict> evidence) {
    }

    private Evaluation evaluate(BuyerIdentity who, Order order, AfterSaleRequest req) {
        Instant now = Instant.now();
        Policy policy = policies.get(who.merchantId());
        List<EvidenceVerdict> evidence = req.imageIds().stream().distinct()
                .map(id -> evidenceCheck.verify(who.merchantId(), who.buyerId(), id, order)).toList();
        PolicyDecision decision = PolicyEngine.evaluate(req, order, policy, products(who.merchantId(), order, req.targetSku()),
                evidence, profile(who, policy, now), now, cases.openCases(who.merchantId(), order.orderId()));
        return new Evaluation(decision, evidence);
    }

    /** The order's products with every variant of their spus, and the requested target. */
    private Map<String, Product> products(String merchantId, Order order, String targetSku) {
        Map<String, Product> bySku = new HashMap<>();
        Stream.concat(order.items().stream().map(Order.Item::sku), Stream.ofNullable(targetSku)).distinct()
                .forEach(sku -> catalog.find(merchantId, sku).ifPresent(p -> bySku.put(sku, p)));
        bySku.values().stream().map(Product::spu).distinct().toList()
                .forEach(spu -> catalog.bySpu(merchantId, spu).forEach(p -> bySku.put(p.sku(), p)));
        return bySku;
    }

    private BuyerProfile profile(BuyerIdentity who, Policy policy, Instant now) {
        Instant since = now.minus(Duration.ofDays(policy.profileWindowDays()));
        return BuyerProfile.of(policy.profileWindowDays(), since, cases.byBuyerSince(who.merchantId(), who.buyerId(), since),
                orders.byBuyer(who.merchantId(), who.buyerId()).stream().map(o -> o.createdAt().toInstant()).toList());
    }

    private Optional<AfterSaleResult> replay(BuyerIdentity who, Order order, String actionId) {
        return Optional.ofNullable(actionId).flatMap(a -> cases.findByAction(who.merchantId(), who.buyerId(), a))
                .map(c -> created(c, order));
    }

    private AfterSaleResult record(BuyerIdentity who, Order order, AfterSaleRequest req, Evaluation ev,
                                   String conversationId, String actionId) {
        PolicyDecision d = ev.decision();
        if (d.outcome() == Outcome.ALREADY_OPEN) {
            return new AfterSaleResult(AfterSaleResult.Kind.EXISTING, d, d.existingCase());
        }
        if (!d.createsCase()) {
            return AfterSaleResult.noCase(d);
        }
        AfterSaleCase c = new AfterSaleCase(newCaseId(), who.merchantId(), order.orderId(), who.buyerId(), d.type(),
                d.reason(), d.items(), d.amount(), d.caseStatus(), ev.evidence(), d.targetSku(), conversationId,
                OffsetDateTime.now(), d.code().name(), req.note(), null, null);
        AfterSaleStore.Insert insert = cases.create(c, actionId);
        return switch (insert.kind()) {
            case CREATED -> {
                AfterSaleCase created = insert.afterSale();
                audit.append(who.merchantId(), AuditEntry.Actor.buyer(who.buyerId()), AuditAction.CASE_CREATED, created.caseId(),
                        Map.of("orderId", created.orderId(), "type", created.type().name(), "status", created.status().name(),
                                "amount", created.amount()));
                fire(MerchantEvent.CASE_CREATED, created);
                yield new AfterSaleResult(AfterSaleResult.Kind.CREATED, d, created);
            }
            case SAME_ACTION -> created(insert.afterSale(), order);
            case OPEN_EXISTS -> new AfterSaleResult(AfterSaleResult.Kind.EXISTING,
                    PolicyEngine.alreadyOpen(insert.afterSale(), order), insert.afterSale());
        };
    }

    /** The result an earlier call with the same confirmation produced. */
    private static AfterSaleResult created(AfterSaleCase c, Order order) {
        return new AfterSaleResult(AfterSaleResult.Kind.CREATED, PolicyEngine.replay(c, order), c);
    }

    /** Moves the order to CANCELLED unless it already is; false when it went where it cannot be cancelled. */
    private boolean cancelOrder(BuyerIdentity who, String orderId, String caseId) {
        if (orders.transition(who.merchantId(), orderId, CANCELLABLE, OrderStatus.CANCELLED).isPresent()) {
            audit.append(who.merchantId(), AuditEntry.Actor.buyer(who.buyerId()), AuditAction.ORDER_CANCELLED, orderId, Map.of());
            events.fire(new MerchantEvent(who.merchantId(), MerchantEvent.ORDER_CANCELLED, Map.of("orderId", orderId, "caseId", caseId)));
            return true;
        }
        return orders.find(who.merchantId(), orderId).filter(o -> o.status() == OrderStatus.CANCELLED).isPresent();
    }

    /** What every decision, the merchant's or the system's, leaves behind: the audit entry and {@code case.decided}. */
    private AfterSaleCase decided(AfterSaleCase c, AuditEntry.Actor actor) {
        audit.append(c.merchantId(), actor, AuditAction.CASE_DECIDED, c.caseId(), Map.of("status", c.status().name()));
        fire(MerchantEvent.CASE_DECIDED, c);
        return c;
    }

    private static String newCaseId() {
        return "AS" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
