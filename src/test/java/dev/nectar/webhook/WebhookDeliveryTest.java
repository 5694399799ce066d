package dev.nectar.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.aftersales.AfterSaleRequest;
import dev.nectar.aftersales.AfterSaleResult;
import dev.nectar.aftersales.AfterSaleService;
import dev.nectar.aftersales.AfterSaleStore;
import dev.nectar.aftersales.EvidenceCheck;
import dev.nectar.aftersales.PolicyStore;
import dev.nectar.audit.AuditLog;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.OrderStore;
import dev.nectar.handoff.HandoffService;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.platform.MerchantEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Webhooks against the started server and a merchant's endpoint on loopback. */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URI base;
    @Inject
    AfterSaleService afterSales;
    @Inject
    HandoffService handoffs;
    @Inject
    OrderStore orders;
    @Inject
    CatalogStore catalog;
    @Inject
    PolicyStore policies;
    @Inject
    AfterSaleStore cases;
    @Inject
    EvidenceCheck evidenceCheck;
    @Inject
    Event<MerchantEvent> events;
    @Inject
    AuditLog audit;

    TestShop shop;
    WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        shop = TestShop.create();
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RequestSpecification merchant() {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON);
    }

    private String path() {
        return "/api/merchants/" + shop.merchantId() + "/webhooks";
    }

    /** Registers the receiver for these events; returns webhookId and secret. */
    private Map<String, String> register(List<String> events) {
        return merchant().body(Map.of("url", receiver.url(), "events", events)).post(path())
                .then().statusCode(201).extract().as(Map.class);
    }

    private String endConversation(String buyerId) throws Exception {
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken(buyerId))) {
            String conversationId = ws.next("session").path("conversationId").asText();
            ws.send(Map.of("type", "end"));
            assertThat(ws.isClosed(5000)).isTrue();
            return conversationId;
        }
    }

    @Test
    void aRefusedDeliveryIsRetriedSignedAndLoggedAndCanBeSentAgain() throws Exception {
        Map<String, String> hook = register(List.of(MerchantEvent.CONVERSATION_CLOSED));
        receiver.answer(500);

        String conversationId = endConversation("b-closing");

        List<WebhookReceiver.Received> got = receiver.await(r -> true, 2, WAIT);
        assertThat(got).hasSize(2);
        WebhookReceiver.Received first = got.get(0);
        WebhookReceiver.Received retry = got.get(1);
        for (WebhookReceiver.Received r : got) {
            assertThat(r.signedWith(hook.get("secret"))).as("signature of %s", r).isTrue();
            assertThat(r.signedWith(hook.get("secret") + "x")).isFalse();
            assertThat(r.event()).isEqualTo("conversation.closed");
        }
        // one event, one delivery: the retry is the same request again
        assertThat(retry.id()).isEqualTo(first.id()).startsWith("evt_");
        assertThat(retry.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(Long.parseLong(retry.timestamp())).isGreaterThanOrEqualTo(Long.parseLong(first.timestamp()));
        JsonNode payload = first.json();
        assertThat(payload.path("event").asText()).isEqualTo("conversation.closed");
        assertThat(payload.path("merchantId").asText()).isEqualTo(shop.merchantId());
        assertThat(OffsetDateTime.parse(payload.path("createdAt").asText())).isBefore(OffsetDateTime.now().plusSeconds(1));
        assertThat(payload.path("data").path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(payload.path("data").path("buyerId").asText()).isEqualTo("b-closing");

        String log = path() + "/" + hook.get("webhookId") + "/deliveries";
        awaitDelivered(log, 2);
        merchant().get(log).then().statusCode(200)
                .body("[0].deliveryId", equalTo(first.deliveryId()))
                .body("[0].event", equalTo("conversation.closed"))
                .body("[0].responseStatus", equalTo(200));

        merchant().post(log + "/" + first.deliveryId() + "/resend").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        assertThat(receiver.await(r -> true, 3, WAIT).get(2).id()).isEqualTo(first.id());
        awaitDelivered(log, 3);
        merchant().post(log + "/dl_nope/resend").then().statusCode(404);
    }

    private void awaitDelivered(String log, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> d = merchant().get(log).then().statusCode(200).extract().path("[0]");
            if ("DELIVERED".equals(d.get("status")) && Integer.valueOf(attempts).equals(d.get("attempts"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not delivered after " + attempts + " attempts: " + merchant().get(log).asString());
    }

    @Test
    void eachEventComesFromWhereItHappensOncePerEndpoint() throws Exception {
        Map<String, String> all = register(MerchantEvent.TYPES);
        Map<String, String> casesOnly = register(List.of(MerchantEvent.CASE_CREATED));
        String delivered = OffsetDateTime.now().minusDays(2).toString();
        String paid = OffsetDateTime.now().minusDays(4).toString();
        shop.put("/catalog", List.of(Map.of("sku", "TEA-1", "spu", "TEA", "title", "明前龙井 250克", "category", "茶叶",
                "price", 120.00, "stock", 10, "description", "春茶", "attributes", Map.of())));
        shop.put("/orders", List.of(order("W-1", "PAID", paid, null), order("W-2", "DELIVERED", paid, delivered)));
        BuyerIdentity buyer = new BuyerIdentity(shop.merchantId(), "b-w");

        // a cancellation: a case and the cancelled order
        String cancelCase = afterSales.cancel(buyer, "W-1", "cv-w", "act-1").afterSale().caseId();
        // a refund over the auto-approve limit waits for the merchant, who decides it over REST
        AfterSaleCase review = afterSales.submit(buyer, new AfterSaleRequest("W-2", AfterSaleCase.Type.REFUND_ONLY,
                AfterSaleCase.Reason.NO_REASON, null, null, List.of(), null), "cv-w", "act-2").afterSale();
        assertThat(review.status()).isEqualTo(AfterSaleCase.Status.PENDING_REVIEW);
        merchant().body(Map.of("approve", true, "note", "同意退款")).post("/api/merchants/" + shop.merchantId()
                + "/after-sales/" + review.caseId() + "/decision").then().statusCode(200);
        // a buyer asks for a person, then leaves while waiting: the queue lets the ticket go
        String conversationId;
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b-wait"))) {
            conversationId = ws.next("session").path("conversationId").asText();
        }
        String handoffId = handoffs.request(shop.merchantId(), conversationId, "b-wait", "REQUESTED", null, 3, null)
                .handoff().handoffId();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("b-wait"))) {
            assertThat(ws.next("session").path("conversationId").asText()).isEqualTo(conversationId);
            ws.send(Map.of("type", "end"));
            assertThat(ws.isClosed(5000)).isTrue();
        }
        // a knowledge document finishes ingestion
        String docId = given().header("Authorization", shop.auth())
                .multiPart(new MultiPartSpecBuilder("退货需在签收后七天内申请。".getBytes(StandardCharsets.UTF_8))
                        .controlName("file").fileName("returns.txt").mimeType("text/plain").build())
                .post("/api/merchants/" + shop.merchantId() + "/knowledge").then().statusCode(201).extract().path("docId");

        List<WebhookReceiver.Received> got = receiver.await(r -> true, 9, WAIT);
        Thread.sleep(1000); // nothing more may come
        got = receiver.received();
        assertThat(got).allMatch(r -> r.signedWith(all.get("secret")) || r.signedWith(casesOnly.get("secret")));
        List<WebhookReceiver.Received> toAll = got.stream().filter(r -> r.signedWith(all.get("secret"))).toList();
        assertThat(toAll).extracting(WebhookReceiver.Received::event).containsExactlyInAnyOrder("case.created",
                "order.cancelled", "case.created", "case.decided", "handoff.queued", "conversation.closed",
                "handoff.resolved", "knowledge.ready");
        assertThat(got.stream().filter(r -> r.signedWith(casesOnly.get("secret"))).map(r -> r.json().path("data").path("caseId").asText()))
                .containsExactlyInAnyOrder(cancelCase, review.caseId());
        assertThat(toAll).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();

        assertThat(data(toAll, "order.cancelled").path("orderId").asText()).isEqualTo("W-1");
        assertThat(data(toAll, "order.cancelled").path("caseId").asText()).isEqualTo(cancelCase);
        JsonNode decided = data(toAll, "case.decided");
        assertThat(decided.path("caseId").asText()).isEqualTo(review.caseId());
        assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.path("decisionNote").asText()).isEqualTo("同意退款");
        assertThat(data(toAll, "handoff.queued").path("handoffId").asText()).isEqualTo(handoffId);
        assertThat(data(toAll, "handoff.queued").has("summary")).isFalse();
        assertThat(data(toAll, "handoff.resolved").path("status").asText()).isEqualTo("RESOLVED");
        assertThat(data(toAll, "conversation.closed").path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(data(toAll, "knowledge.ready").path("docId").asText()).isEqualTo(docId);
        // phone numbers and addresses of the orders never leave in a webhook
        assertThat(got).noneMatch(r -> r.body().contains("13800004567") || r.body().contains("文三路"));
    }

    /**
     * The system's own rejection: a cancellation is confirmed, then the merchant's sync ships the order before the
     * cancellation reaches it, so the case that was approved is rejected. The merchant's systems hear of it exactly as
     * of their own decisions.
     */
    @Test
    void aCancellationOvertakenByShippingIsRejectedWithCaseDecided() throws Exception {
        Map<String, String> hook = register(List.of(MerchantEvent.CASE_CREATED, MerchantEvent.CASE_DECIDED));
        String paid = OffsetDateTime.now().minusDays(1).toString();
        Map<String, Object> order = order("W-3", "PAID", paid, null);
        shop.put("/orders", List.of(order));
        OrderStore shippedMeanwhile = new OrderStore() {
            @Override
            public void upsert(String merchantId, List<Order> batch) {
                orders.upsert(merchantId, batch);
            }

            @Override
            public Optional<Order> find(String merchantId, String orderId) {
                return orders.find(merchantId, orderId);
            }

            @Override
            public List<Order> byBuyer(String merchantId, String buyerId) {
                return orders.byBuyer(merchantId, buyerId);
            }

            @Override
            public int anonymise(String merchantId, String buyerId, String pseudonym) {
                return orders.anonymise(merchantId, buyerId, pseudonym);
            }

            @Override
            public Optional<Order> transition(String merchantId, String orderId, Collection<OrderStatus> from, OrderStatus to) {
                Map<String, Object> shipped = new java.util.HashMap<>(order);
                shipped.put("status", "SHIPPED");
                shipped.put("shippedAt", OffsetDateTime.now().toString());
                shop.put("/orders", List.of(shipped));
                return orders.transition(merchantId, orderId, from, to);
            }
        };
        AfterSaleService racing = new AfterSaleService(shippedMeanwhile, catalog, policies, cases, evidenceCheck, events, audit);

        AfterSaleResult result = racing.cancel(new BuyerIdentity(shop.merchantId(), "b-w"), "W-3", "cv-w", "act-3");

        assertThat(result.afterSale()).isNull();
        AfterSaleCase rejected = cases.list(shop.merchantId(), "W-3", null, null).get(0);
        assertThat(rejected.status()).isEqualTo(AfterSaleCase.Status.REJECTED);
        List<WebhookReceiver.Received> got = receiver.await(r -> "case.decided".equals(r.event()), 1, WAIT);
        assertThat(got.get(0).signedWith(hook.get("secret"))).isTrue();
        JsonNode decided = got.get(0).json().path("data");
        assertThat(decided.path("caseId").asText()).isEqualTo(rejected.caseId());
        assertThat(decided.path("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.path("decisionNote").asText()).isEqualTo("订单在取消前已发货");
        assertThat(decided.path("decidedAt").asText()).isNotEmpty();
        Thread.sleep(500); // and only once
        assertThat(receiver.received(r -> "case.decided".equals(r.event()))).hasSize(1);
    }

    private static JsonNode data(List<WebhookReceiver.Received> got, String event) {
        return got.stream().filter(r -> event.equals(r.event())).findFirst().orElseThrow().json().path("data");
    }

    private static Map<String, Object> order(String id, String status, String paid, String delivered) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("orderId", id, "buyerId", "b-w", "status", status,
                "createdAt", paid, "paidAt", paid, "total", 120.00, "shippingInsurance", false,
                "items", List.of(Map.of("sku", "TEA-1", "title", "明前龙井 250克", "quantity", 1, "unitPrice", 120.00)),
                "address", Map.of("name", "周先生", "phone", "13800004567", "region", "浙江省杭州市", "detail", "西湖区文三路1号")));
        if (delivered != null) {
            o.put("shippedAt", paid);
            o.put("deliveredAt", delivered);
        }
        return o;
    }

    @Test
    void registrationRefusesBadInputAndOtherMerchantsAndChangesNothing() {
        merchant().body(Map.of("url", "http://example.com/hook", "events", List.of("case.created"))).post(path())
                .then().statusCode(400).body("error.field", equalTo("url"));
        merchant().body(Map.of("url", "ftp://127.0.0.1/hook", "events", List.of("case.created"))).post(path())
                .then().statusCode(400).body("error.field", equalTo("url"));
        merchant().body(Map.of("url", "http://user:pw@127.0.0.1/hook", "events", List.of("case.created"))).post(path())
                .then().statusCode(400).body("error.field", equalTo("url"));
        merchant().body(Map.of("url", receiver.url(), "events", List.of("case.created", "order.shipped"))).post(path())
                .then().statusCode(400).body("error.code", equalTo("INVALID_FIELD")).body("error.field", equalTo("events[1]"));
        merchant().body(Map.of("url", receiver.url(), "events", List.of())).post(path())
                .then().statusCode(400).body("error.field", equalTo("events"));
        merchant().body(Map.of("url", receiver.url())).post(path()).then().statusCode(400).body("error.field", equalTo("events"));
        merchant().get(path()).then().statusCode(200).body("size()", equalTo(0));

        Map<String, String> hook = register(List.of("case.created", "case.created"));
        assertThat(hook.get("secret")).startsWith("whsec_");
        merchant().get(path()).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].webhookId", equalTo(hook.get("webhookId"))).body("[0].url", equalTo(receiver.url()))
                .body("[0].events", equalTo(List.of("case.created"))).body("[0].secret", equalTo(null));

        TestShop other = TestShop.create();
        String id = hook.get("webhookId");
        given().get(path()).then().statusCode(401);
        given().header("Authorization", other.auth()).get(path()).then().statusCode(403);
        given().header("Authorization", other.auth()).get("/api/merchants/" + other.merchantId() + "/webhooks/" + id)
                .then().statusCode(404);
        given().header("Authorization", other.auth()).delete("/api/merchants/" + other.merchantId() + "/webhooks/" + id)
                .then().statusCode(404);
        merchant().delete(path() + "/" + id).then().statusCode(204);
        merchant().get(path() + "/" + id + "/deliveries").then().statusCode(404);
        merchant().get(path()).then().statusCode(200).body("size()", equalTo(0));
    }
}
