package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.aftersales.EvidenceVerdict.Verdict;
import dev.nectar.aftersales.PolicyDecision.Code;
import dev.nectar.aftersales.PolicyDecision.Outcome;
import dev.nectar.audit.AuditLog;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.OrderStore;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.MerchantEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.nectar.aftersales.PolicyFixtures.CATALOG;
import static dev.nectar.aftersales.PolicyFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The service over the real stores of the running application (embedded H2 here, PostgreSQL in the IT). Photo
 * verification is a test double: an image id starting with a verdict's name gets that verdict.
 */
@QuarkusTest
class AfterSaleServiceTest {
    private static final EvidenceCheck BY_IMAGE_NAME = (m, b, imageId, order) ->
            new EvidenceVerdict(imageId, Verdict.valueOf(imageId.substring(0, imageId.indexOf('-'))));

    @Inject
    OrderStore orders;
    @Inject
    CatalogStore catalog;
    @Inject
    PolicyStore policies;
    @Inject
    AfterSaleStore cases;
    @Inject
    Event<MerchantEvent> events;
    @Inject
    AuditLog audit;

    AfterSaleService service;
    String merchantId;
    BuyerIdentity buyer;

    @BeforeEach
    void freshShop() {
        service = new AfterSaleService(orders, catalog, policies, cases, BY_IMAGE_NAME, events, audit);
        merchantId = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        buyer = new BuyerIdentity(merchantId, "buyer-a");
        catalog.upsert(merchantId, List.copyOf(CATALOG.values()));
    }

    private Order order(String orderId, String buyerId, OrderStatus status, int deliveredDaysAgo, String total, Order.Item... items) {
        OffsetDateTime now = OffsetDateTime.now();
        boolean delivered = status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED;
        boolean shipped = delivered || status == OrderStatus.SHIPPED;
        Order o = new Order(orderId, buyerId, status, now.minusDays(deliveredDaysAgo + 3), now.minusDays(deliveredDaysAgo + 3),
                shipped ? now.minusDays(deliveredDaysAgo + 2) : null, delivered ? now.minusDays(deliveredDaysAgo) : null,
                new BigDecimal(total), true, List.of(items), new Order.Address("收件人", "13900000000", "某省某市", "某路1号"), null);
        orders.upsert(merchantId, List.of(o));
        return o;
    }

    private Order delivered(String orderId, String total) {
        return order(orderId, buyer.buyerId(), OrderStatus.DELIVERED, 2, total, item("TEE-S", 1, total));
    }

    private static AfterSaleRequest request(String orderId, Type type, Reason reason, String... images) {
        return new AfterSaleRequest(orderId, type, reason, null, null, List.of(images), null);
    }

    @Test
    void anotherBuyersOrderIsAsUnknownAsAMissingOne() {
        order("O-THEIRS", "buyer-b", OrderStatus.DELIVERED, 1, "39.00", item("TEE-S", 1, "39.00"));
        order("O-PAID-THEIRS", "buyer-b", OrderStatus.PAID, 0, "39.00", item("TEE-S", 1, "39.00"));
        ApiException foreign = catchThrowableOfType(ApiException.class,
                () -> service.submit(buyer, request("O-THEIRS", Type.RETURN_REFUND, Reason.NO_REASON), "c1", "a1"));
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> service.submit(buyer, request("O-NOWHERE", Type.RETURN_REFUND, Reason.NO_REASON), "c1", "a2"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo(unknown.code());
        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage().replace("O-NOWHERE", "O-THEIRS"));
        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.preview(buyer, request("O-THEIRS", Type.RETURN_REFUND, Reason.NO_REASON))).status()).isEqualTo(404);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.cancel(buyer, "O-PAID-THEIRS", "c1", "a3")).status()).isEqualTo(404);
        assertThat(catchThrowableOfType(ApiException.class, () -> service.openCases(buyer, "O-THEIRS")).status()).isEqualTo(404);
        assertThat(cases.list(merchantId, null, null, null)).isEmpty();
        assertThat(orders.find(merchantId, "O-PAID-THEIRS").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void previewWritesNothing() {
        delivered("O-1", "39.00");
        PolicyDecision d = service.preview(buyer, request("O-1", Type.RETURN_REFUND, Reason.NO_REASON));
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(d.insured()).isTrue();
        assertThat(cases.list(merchantId, null, null, null)).isEmpty();
    }

    @Test
    void askingAgainReportsTheOpenCase() {
        delivered("O-1", "39.00");
        AfterSaleResult first = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.SIZE), "conv-1", "act-1");
        assertThat(first.kind()).isEqualTo(AfterSaleResult.Kind.CREATED);
        AfterSaleCase c = first.afterSale();
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.items()).containsExactly("TEE-S");
        assertThat(c.amount()).isEqualByComparingTo("39.00");
        assertThat(c.conversationId()).isEqualTo("conv-1");
        assertThat(c.buyerId()).isEqualTo("buyer-a");

        AfterSaleResult again = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.NO_REASON), "conv-2", "act-2");
        assertThat(again.kind()).isEqualTo(AfterSaleResult.Kind.EXISTING);
        assertThat(again.decision().code()).isEqualTo(Code.ALREADY_OPEN);
        assertThat(again.afterSale().caseId()).isEqualTo(c.caseId());
        assertThat(service.openCases(buyer, "O-1")).extracting(AfterSaleCase::caseId).containsExactly(c.caseId());
        assertThat(service.openCases(buyer, null)).extracting(AfterSaleCase::caseId).containsExactly(c.caseId());
        assertThat(cases.list(merchantId, "O-1", null, null)).hasSize(1);
    }

    @Test
    void aRetriedConfirmationGetsTheSameResult() {
        delivered("O-1", "39.00");
        AfterSaleResult first = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.NO_REASON), "conv-1", "act-1");
        AfterSaleResult retry = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.NO_REASON), "conv-1", "act-1");
        assertThat(retry.kind()).isEqualTo(AfterSaleResult.Kind.CREATED);
        assertThat(retry.afterSale().caseId()).isEqualTo(first.afterSale().caseId());
        assertThat(retry.decision().outcome()).isEqualTo(first.decision().outcome());
        assertThat(retry.decision().code()).isEqualTo(first.decision().code());
        assertThat(cases.list(merchantId, null, null, null)).hasSize(1);
    }

    @Test
    void refusalsAndPhotoRequestsWriteNothing() {
        order("O-OLD", buyer.buyerId(), OrderStatus.DELIVERED, 12, "39.00", item("TEE-S", 1, "39.00"));
        delivered("O-1", "39.00");
        AfterSaleResult late = service.submit(buyer, request("O-OLD", Type.RETURN_REFUND, Reason.NO_REASON), "c", "a1");
        assertThat(late.kind()).isEqualTo(AfterSaleResult.Kind.NO_CASE);
        assertThat(late.decision().code()).isEqualTo(Code.WINDOW_PASSED);
        assertThat(late.decision().days()).isEqualTo(12);
        AfterSaleResult photo = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.DAMAGED), "c", "a2");
        assertThat(photo.decision().outcome()).isEqualTo(Outcome.NEEDS_EVIDENCE);
        assertThat(photo.afterSale()).isNull();
        assertThat(cases.list(merchantId, null, null, null)).isEmpty();
    }

    @Test
    void photoVerdictsDecideAndAreKeptOnTheCase() {
        delivered("O-1", "39.00");
        delivered("O-2", "39.00");
        AfterSaleResult ok = service.submit(buyer, request("O-1", Type.RETURN_REFUND, Reason.DAMAGED, "AUTHENTIC-1", "AUTHENTIC-2"), "c", "a1");
        assertThat(ok.afterSale().status()).isEqualTo(Status.APPROVED);
        assertThat(ok.afterSale().evidence()).extracting(EvidenceVerdict::imageId).containsExactly("AUTHENTIC-1", "AUTHENTIC-2");
        AfterSaleResult doubtful = service.submit(buyer, request("O-2", Type.RETURN_REFUND, Reason.QUALITY, "AUTHENTIC-3", "FAKE-4"), "c", "a2");
        assertThat(doubtful.afterSale().status()).isEqualTo(Status.PENDING_REVIEW);
        assertThat(doubtful.afterSale().reasonCode()).isEqualTo(Code.EVIDENCE_SUSPICIOUS.name());
        assertThat(doubtful.afterSale().evidence()).extracting(EvidenceVerdict::verdict).containsExactly(Verdict.AUTHENTIC, Verdict.FAKE);
    }

    @Test
    void refundOnlyIsAutoApprovedOnlyForBuyersWithoutAPattern() {
        for (int i = 1; i <= 4; i++) {
            delivered("O-" + i, "20.00");
        }
        for (int i = 1; i <= 3; i++) {
            AfterSaleResult r = service.submit(buyer, request("O-" + i, Type.REFUND_ONLY, Reason.DAMAGED, "AUTHENTIC-" + i), "c", "a" + i);
            assertThat(r.afterSale().status()).as("refund-only #" + i).isEqualTo(Status.APPROVED);
        }
        AfterSaleResult fourth = service.submit(buyer, request("O-4", Type.REFUND_ONLY, Reason.DAMAGED, "AUTHENTIC-4"), "c", "a4");
        assertThat(fourth.afterSale().status()).isEqualTo(Status.PENDING_REVIEW);
        assertThat(fourth.decision().code()).isEqualTo(Code.ABUSE_PATTERN);
        // another buyer of the same shop is not affected
        BuyerIdentity other = new BuyerIdentity(merchantId, "buyer-c");
        order("O-C", "buyer-c", OrderStatus.DELIVERED, 1, "20.00", item("TEE-S", 1, "20.00"));
        assertThat(service.submit(other, request("O-C", Type.REFUND_ONLY, Reason.DAMAGED, "AUTHENTIC-9"), "c", "a9").afterSale().status())
                .isEqualTo(Status.APPROVED);
    }

    @Test
    void exchangeFindsTheVariantInTheCatalog() {
        order("O-1", buyer.buyerId(), OrderStatus.DELIVERED, 3, "39.00", item("TEE-S", 1, "39.00"));
        AfterSaleRequest toL = new AfterSaleRequest("O-1", Type.EXCHANGE, Reason.SIZE, null, "TEE-L", null, "大了一号");
        AfterSaleResult r = service.submit(buyer, toL, "c", "a1");
        assertThat(r.afterSale().targetSku()).isEqualTo("TEE-L");
        assertThat(r.afterSale().status()).isEqualTo(Status.APPROVED);
        assertThat(r.afterSale().buyerNote()).isEqualTo("大了一号");
        order("O-2", buyer.buyerId(), OrderStatus.DELIVERED, 3, "39.00", item("TEE-S", 1, "39.00"));
        AfterSaleRequest toM = new AfterSaleRequest("O-2", Type.EXCHANGE, Reason.SIZE, null, "TEE-M", null, null);
        assertThat(service.submit(buyer, toM, "c", "a2").decision().code()).isEqualTo(Code.OUT_OF_STOCK);
    }

    @Test
    void cancellingMovesTheOrderAndCreatesOneCase() {
        order("O-1", buyer.buyerId(), OrderStatus.PAID, 0, "59.00", item("PEACH", 1, "59.00"));
        AfterSaleResult r = service.cancel(buyer, "O-1", "c", "a1");
        assertThat(r.kind()).isEqualTo(AfterSaleResult.Kind.CREATED);
        assertThat(r.afterSale().type()).isEqualTo(Type.CANCEL);
        assertThat(r.afterSale().status()).isEqualTo(Status.APPROVED);
        assertThat(r.afterSale().amount()).isEqualByComparingTo("59.00");
        assertThat(orders.find(merchantId, "O-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        AfterSaleResult again = service.submit(buyer, AfterSaleRequest.cancel("O-1"), "c", "a2");
        assertThat(again.kind()).isEqualTo(AfterSaleResult.Kind.EXISTING);
        assertThat(cases.list(merchantId, "O-1", null, null)).hasSize(1);
    }

    @Test
    void aShippedOrderIsNotCancelled() {
        order("O-1", buyer.buyerId(), OrderStatus.SHIPPED, 0, "59.00", item("PEACH", 1, "59.00"));
        AfterSaleResult r = service.cancel(buyer, "O-1", "c", "a1");
        assertThat(r.kind()).isEqualTo(AfterSaleResult.Kind.NO_CASE);
        assertThat(r.decision().code()).isEqualTo(Code.NOT_CANCELLABLE_SHIPPED);
        assertThat(orders.find(merchantId, "O-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(cases.list(merchantId, null, null, null)).isEmpty();
    }

    @Test
    void aMerchantDecidesOnceAndARejectionFreesTheOrder() {
        delivered("O-1", "120.00");
        AfterSaleResult review = service.submit(buyer, request("O-1", Type.REFUND_ONLY, Reason.NO_REASON), "c", "a1");
        assertThat(review.afterSale().status()).isEqualTo(Status.PENDING_REVIEW);
        assertThat(review.decision().code()).isEqualTo(Code.OVER_AUTO_APPROVE_LIMIT);

        AfterSaleCase rejected = service.decide(merchantId, review.afterSale().caseId(), false, "照片不清楚");
        assertThat(rejected.status()).isEqualTo(Status.REJECTED);
        assertThat(rejected.decisionNote()).isEqualTo("照片不清楚");
        assertThat(catchThrowableOfType(ApiException.class, () -> service.decide(merchantId, rejected.caseId(), true, null)).status())
                .isEqualTo(409);
        assertThat(catchThrowableOfType(ApiException.class, () -> service.decide("elsewhere", rejected.caseId(), true, null)).status())
                .isEqualTo(404);

        AfterSaleResult second = service.submit(buyer, request("O-1", Type.REFUND_ONLY, Reason.NO_REASON), "c", "a2");
        assertThat(second.kind()).isEqualTo(AfterSaleResult.Kind.CREATED);
        assertThat(second.afterSale().caseId()).isNotEqualTo(rejected.caseId());
        assertThat(service.decide(merchantId, second.afterSale().caseId(), true, null).status()).isEqualTo(Status.APPROVED);
        assertThat(cases.list(merchantId, "O-1", null, null)).hasSize(2);
    }

    @Test
    void fiftyConcurrentConfirmationsCreateOneCase() throws Exception {
        delivered("O-RACE", "39.00");
        List<AfterSaleResult> results = race(i -> service.submit(buyer, request("O-RACE", Type.RETURN_REFUND, Reason.NO_REASON), "c", "act-" + i));
        assertThat(results.stream().filter(r -> r.kind() == AfterSaleResult.Kind.CREATED)).hasSize(1);
        assertThat(results.stream().filter(r -> r.kind() == AfterSaleResult.Kind.EXISTING)).hasSize(49);
        assertThat(results.stream().map(r -> r.afterSale().caseId()).collect(Collectors.toSet())).hasSize(1);
        assertThat(cases.list(merchantId, "O-RACE", null, null)).hasSize(1);
    }

    @Test
    void fiftyRetriesOfOneConfirmationCreateOneCase() throws Exception {
        delivered("O-RACE", "39.00");
        List<AfterSaleResult> results = race(i -> service.submit(buyer, request("O-RACE", Type.RETURN_REFUND, Reason.NO_REASON), "c", "act-same"));
        Set<String> ids = results.stream().map(r -> r.afterSale().caseId()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(cases.findByAction(merchantId, buyer.buyerId(), "act-same").orElseThrow().caseId()).isEqualTo(ids.iterator().next());
        assertThat(cases.list(merchantId, "O-RACE", null, null)).hasSize(1);
    }

    @Test
    void fiftyConcurrentCancellationsCancelOnce() throws Exception {
        order("O-RACE", buyer.buyerId(), OrderStatus.PAID, 0, "59.00", item("PEACH", 1, "59.00"));
        List<AfterSaleResult> results = race(i -> service.cancel(buyer, "O-RACE", "c", "act-" + i));
        assertThat(results.stream().filter(r -> r.kind() == AfterSaleResult.Kind.CREATED)).hasSize(1);
        assertThat(results).allSatisfy(r -> assertThat(r.afterSale()).isNotNull());
        assertThat(cases.list(merchantId, "O-RACE", null, null)).hasSize(1);
        assertThat(orders.find(merchantId, "O-RACE").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @FunctionalInterface
    interface Attempt {
        AfterSaleResult run(int i) throws Exception;
    }

    /** Runs 50 attempts at once, released together. */
    private static List<AfterSaleResult> race(Attempt attempt) throws Exception {
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AfterSaleResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<AfterSaleResult> task = () -> {
                    start.await();
                    return attempt.run(k);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<AfterSaleResult> results = new ArrayList<>();
            for (Future<AfterSaleResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anonymisedCasesKeepIdsItemsAmountsAndStatusAndLoseTheBuyer() {
        delivered("O-1", "120.00");
        AfterSaleCase open = service.submit(buyer, new AfterSaleRequest("O-1", Type.REFUND_ONLY, Reason.NO_REASON, null, null,
                List.of(), "请联系周先生13800004567"), "cv-1", "a1").afterSale();
        AfterSaleCase decided = service.decide(merchantId, open.caseId(), false, "周先生说不要了");
        order("O-2", "buyer-b", OrderStatus.DELIVERED, 2, "39.00", item("TEE-S", 1, "39.00"));
        AfterSaleCase others = service.submit(new BuyerIdentity(merchantId, "buyer-b"),
                request("O-2", Type.RETURN_REFUND, Reason.NO_REASON), "cv-2", "a1").afterSale();

        assertThat(cases.anonymise(merchantId, buyer.buyerId(), "erased-1")).isEqualTo(1);

        AfterSaleCase kept = cases.find(merchantId, open.caseId()).orElseThrow();
        assertThat(kept.buyerId()).isEqualTo("erased-1");
        assertThat(kept.amount()).isEqualByComparingTo("120.00");
        assertThat(kept.items()).isEqualTo(decided.items());
        assertThat(kept.status()).isEqualTo(Status.REJECTED);
        assertThat(kept.decidedAt()).isNotNull();
        assertThat(kept.buyerNote()).isNull();
        assertThat(kept.decisionNote()).isNull();
        assertThat(kept.conversationId()).isNull();
        assertThat(cases.list(merchantId, null, buyer.buyerId(), null)).isEmpty();
        assertThat(cases.findByAction(merchantId, buyer.buyerId(), "a1")).isEmpty();
        assertThat(cases.find(merchantId, others.caseId()).orElseThrow().buyerId()).isEqualTo("buyer-b");
        assertThat(cases.anonymise("elsewhere", "buyer-b", "erased-2")).isZero();
    }
}
