package dev.nectar.aftersales;

import dev.nectar.TestShop;
import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.merchant.BuyerTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The merchant's after-sales endpoints; cases are seeded through the service as a buyer's confirmation would. */
@QuarkusTest
class AfterSaleResourceTest {
    @Inject
    AfterSaleService service;
    @Inject
    BuyerTokens buyerTokens;

    TestShop shop;
    String approvedId;
    String reviewId;

    @BeforeEach
    void seed() {
        shop = TestShop.create();
        shop.put("/catalog", List.of(
                Map.of("sku", "KITE-RED", "spu", "KITE", "title", "风筝 红", "category", "玩具", "price", 25.00, "stock", 3),
                Map.of("sku", "KITE-BLUE", "spu", "KITE", "title", "风筝 蓝", "category", "玩具", "price", 25.00, "stock", 6),
                Map.of("sku", "LAMP", "spu", "LAMP", "title", "台灯", "category", "家居", "price", 168.00, "stock", 4)));
        String delivered = OffsetDateTime.now().minusDays(2).toString();
        String created = OffsetDateTime.now().minusDays(5).toString();
        shop.put("/orders", List.of(
                Map.of("orderId", "R-100", "buyerId", "kid-1", "status", "DELIVERED", "createdAt", created, "deliveredAt", delivered,
                        "total", 25.00, "shippingInsurance", true,
                        "items", List.of(Map.of("sku", "KITE-RED", "title", "风筝 红", "quantity", 1, "unitPrice", 25.00))),
                Map.of("orderId", "R-200", "buyerId", "kid-2", "status", "DELIVERED", "createdAt", created, "deliveredAt", delivered,
                        "total", 168.00,
                        "items", List.of(Map.of("sku", "LAMP", "title", "台灯", "quantity", 1, "unitPrice", 168.00)))));
        approvedId = service.submit(new BuyerIdentity(shop.merchantId(), "kid-1"),
                new AfterSaleRequest("R-100", Type.EXCHANGE, Reason.SIZE, null, "KITE-BLUE", null, null), "conv-a", "act-a").afterSale().caseId();
        reviewId = service.submit(new BuyerIdentity(shop.merchantId(), "kid-2"),
                new AfterSaleRequest("R-200", Type.REFUND_ONLY, Reason.NO_REASON, null, null, null, null), "conv-b", "act-b").afterSale().caseId();
    }

    private String path(String rest) {
        return "/api/merchants/" + shop.merchantId() + "/after-sales" + rest;
    }

    @Test
    void listsCasesInTheContractShape() {
        given().header("Authorization", shop.auth()).queryParam("orderId", "R-100").get(path(""))
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].caseId", equalTo(approvedId))
                .body("[0].orderId", equalTo("R-100"))
                .body("[0].buyerId", equalTo("kid-1"))
                .body("[0].type", equalTo("EXCHANGE"))
                .body("[0].reason", equalTo("SIZE"))
                .body("[0].items", equalTo(List.of("KITE-RED")))
                .body("[0].amount", equalTo(25.0f))
                .body("[0].status", equalTo("APPROVED"))
                .body("[0].evidence", empty())
                .body("[0].targetSku", equalTo("KITE-BLUE"))
                .body("[0].conversationId", equalTo("conv-a"))
                .body("[0].createdAt", notNullValue());
    }

    @Test
    void filtersByBuyerAndStatus() {
        given().header("Authorization", shop.auth()).get(path("")).then().statusCode(200)
                .body("caseId", containsInAnyOrder(approvedId, reviewId));
        given().header("Authorization", shop.auth()).queryParam("buyerId", "kid-2").get(path("")).then().statusCode(200)
                .body("caseId", equalTo(List.of(reviewId)));
        given().header("Authorization", shop.auth()).queryParam("status", "PENDING_REVIEW").get(path("")).then().statusCode(200)
                .body("caseId", equalTo(List.of(reviewId)))
                .body("[0].type", equalTo("REFUND_ONLY"));
        given().header("Authorization", shop.auth()).queryParam("status", "REJECTED").get(path("")).then().statusCode(200)
                .body("", empty());
    }

    @Test
    void anUnknownStatusFilterIsABadRequest() {
        given().header("Authorization", shop.auth()).queryParam("status", "DONE").get(path("")).then().statusCode(400)
                .body("error.code", equalTo("INVALID_FIELD"))
                .body("error.field", equalTo("status"));
    }

    @Test
    void getsOneCase() {
        given().header("Authorization", shop.auth()).get(path("/" + reviewId)).then().statusCode(200)
                .body("caseId", equalTo(reviewId))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amount", equalTo(168.0f));
        given().header("Authorization", shop.auth()).get(path("/AS-NOPE")).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aMerchantApprovesACaseUnderReviewOnce() {
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("approve", true, "note", "老顾客,同意退款"))
                .post(path("/" + reviewId + "/decision")).then().statusCode(200)
                .body("caseId", equalTo(reviewId))
                .body("status", equalTo("APPROVED"))
                .body("decisionNote", equalTo("老顾客,同意退款"))
                .body("decidedAt", notNullValue());
        given().header("Authorization", shop.auth()).get(path("/" + reviewId)).then().body("status", equalTo("APPROVED"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("approve", false))
                .post(path("/" + reviewId + "/decision")).then().statusCode(409)
                .body("error.code", equalTo("CASE_NOT_PENDING"));
    }

    @Test
    void aRejectionClosesTheCase() {
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("approve", false))
                .post(path("/" + reviewId + "/decision")).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionNote", nullValue());
        given().header("Authorization", shop.auth()).queryParam("status", "REJECTED").get(path("")).then()
                .body("caseId", equalTo(List.of(reviewId)));
    }

    @Test
    void anApprovedCaseCannotBeDecided() {
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("approve", false))
                .post(path("/" + approvedId + "/decision")).then().statusCode(409);
        given().header("Authorization", shop.auth()).get(path("/" + approvedId)).then().body("status", equalTo("APPROVED"));
    }

    @Test
    void aDecisionNeedsApprove() {
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("note", "?"))
                .post(path("/" + reviewId + "/decision")).then().statusCode(400)
                .body("error.field", equalTo("approve"));
        given().header("Authorization", shop.auth()).get(path("/" + reviewId)).then().body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void anotherMerchantsCaseIsNotFound() {
        TestShop other = TestShop.create();
        String elsewhere = "/api/merchants/" + other.merchantId() + "/after-sales/";
        given().header("Authorization", other.auth()).get(elsewhere + reviewId).then().statusCode(404);
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post(elsewhere + reviewId + "/decision").then().statusCode(404);
        given().header("Authorization", other.auth()).get("/api/merchants/" + other.merchantId() + "/after-sales").then()
                .statusCode(200).body("", empty());
        given().header("Authorization", shop.auth()).get(path("/" + reviewId)).then().body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void credentialsAreChecked() {
        given().get(path("")).then().statusCode(401);
        TestShop other = TestShop.create();
        given().header("Authorization", other.auth()).get(path("")).then().statusCode(403);
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post(path("/" + reviewId + "/decision")).then().statusCode(403);
        // issued through the bean: on this base the buyer-tokens endpoint is shadowed by the commerce resource's path
        String buyerToken = buyerTokens.issue(shop.merchantId(), "kid-2", Instant.now().plusSeconds(600));
        given().header("Authorization", "Bearer " + buyerToken).get(path("")).then().statusCode(401);
    }
}
