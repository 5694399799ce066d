package dev.nectar.privacy;

import dev.nectar.TestShop;
import dev.nectar.WsClient;
import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.aftersales.AfterSaleRequest;
import dev.nectar.aftersales.AfterSaleService;
import dev.nectar.handoff.Agents;
import dev.nectar.images.TestImages;
import dev.nectar.merchant.BuyerIdentity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.nectar.handoff.Agents.answerTo;
import static dev.nectar.handoff.Agents.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code DELETE /api/merchants/{m}/buyers/{buyerId}} against the started server: a buyer who chatted, was handed to
 * an agent who proposed knowledge from the conversation, uploaded a photo, opened a case and was inspected is erased,
 * and nothing of them can be read afterwards, while the shop's case and order keep their ids and amounts.
 */
@QuarkusTest
class BuyerErasureTest {
    private static final String PHONE = "13800004567";
    private static final String NAME = "周先生";
    private static final String STREET = "文三路";

    @TestHTTPResource("/")
    URI base;
    @Inject
    AfterSaleService afterSales;

    private static RequestSpecification as(TestShop shop) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asBuyer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String path(TestShop shop, String rest) {
        return "/api/merchants/" + shop.merchantId() + rest;
    }

    private static Response erase(TestShop as, TestShop at, String buyerId) {
        return as(as).delete(path(at, "/buyers/" + buyerId));
    }

    private static void stock(TestShop shop, String orderId, String buyerId) {
        shop.put("/catalog", List.of(Map.of("sku", "TEA-1", "spu", "TEA", "title", "明前龙井 250克", "category", "茶叶",
                "price", 120.00, "stock", 10, "description", "春茶", "attributes", Map.of())));
        String paid = OffsetDateTime.now().minusDays(4).toString();
        Map<String, Object> order = new HashMap<>(Map.of("orderId", orderId, "buyerId", buyerId, "status", "DELIVERED",
                "createdAt", paid, "paidAt", paid, "shippedAt", paid, "deliveredAt", OffsetDateTime.now().minusDays(2).toString(),
                "total", 120.00, "shippingInsurance", false,
                "items", List.of(Map.of("sku", "TEA-1", "title", "明前龙井 250克", "quantity", 1, "unitPrice", 120.00))));
        order.put("address", Map.of("name", NAME, "phone", PHONE, "region", "浙江省杭州市", "detail", "西湖区" + STREET + "1号"));
        order.put("logistics", Map.of("carrier", "顺丰", "trackingNo", "SF100200", "events",
                List.of(Map.of("time", paid, "description", "快递员" + NAME + "已揽收"))));
        shop.put("/orders", List.of(order));
    }

    /** A buyer opens the chat, says something and leaves; returns the conversation id. */
    private String chat(String token, String text) throws Exception {
        try (WsClient buyer = WsClient.connect(base, "/ws/chat", token)) {
            String conversationId = buyer.next("session").path("conversationId").asText();
            buyer.send(message("c1", text));
            answerTo(buyer, "c1");
            return conversationId;
        }
    }

    @Test
    void anErasedBuyerIsGoneAndTheShopKeepsCaseAndOrderIdsAndAmounts() throws Exception {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        stock(shop, "E-1", "b-gone");
        stock(other, "E-1", "b-gone");
        String token = shop.buyerToken("b-gone");

        // the buyer chats, asks for a person, and the agent resolves it proposing knowledge that quotes the buyer
        String agentToken = Agents.register(shop, "kb", "小林", List.of(), 3, 3);
        String conversationId;
        String suggestionId;
        try (WsClient agent = Agents.console(base, agentToken); WsClient buyer = WsClient.connect(base, "/ws/chat", token)) {
            conversationId = buyer.next("session").path("conversationId").asText();
            buyer.send(message("c1", "我是" + NAME + "，电话" + PHONE + "，积分能抵运费吗"));
            answerTo(buyer, "c1");
            buyer.send(message("c2", "转人工"));
            answerTo(buyer, "c2");
            Agents.assigned(agent, conversationId);
            agent.send(Map.of("type", "resolve", "conversationId", conversationId, "note", "积分规则",
                    "knowledge", Map.of("question", NAME + "问积分能抵运费吗", "answer", "每满100积分可抵扣1元运费。")));
            suggestionId = agent.next("resolved").path("suggestionId").asText();
            buyer.next("handoff_ended");
            buyer.send(Map.of("type", "end"));
            assertThat(buyer.isClosed(5000)).isTrue();
        }
        String imageId = asBuyer(token).multiPart("file", "IMG_0001.jpg", TestImages.cameraJpeg(301, "2026:05:01 10:00:00"), "image/jpeg")
                .post("/api/chat/images").then().statusCode(201).extract().path("imageId");
        AfterSaleCase opened = afterSales.submit(new BuyerIdentity(shop.merchantId(), "b-gone"),
                new AfterSaleRequest("E-1", AfterSaleCase.Type.REFUND_ONLY, AfterSaleCase.Reason.NO_REASON, null, null,
                        List.of(), "请联系" + NAME + PHONE), conversationId, "act-1").afterSale();
        assertThat(opened.status()).isEqualTo(AfterSaleCase.Status.PENDING_REVIEW);
        // the conversation is closed, so its inspection is stored
        as(shop).get(path(shop, "/quality/conversations/" + conversationId)).then().statusCode(200);
        as(shop).get(path(shop, "/quality")).then().statusCode(200).body("conversationId", equalTo(List.of(conversationId)));
        // what must survive: another buyer of the shop, and the same buyer id at another merchant
        String staysConversation = chat(shop.buyerToken("b-stays"), "你好");
        String otherShopConversation = chat(other.buyerToken("b-gone"), "你好");
        // all of it is there before
        asBuyer(token).get("/api/chat/conversations/" + conversationId).then().statusCode(200);
        as(shop).get(path(shop, "/images/" + imageId + "/verification")).then().statusCode(200);
        as(shop).get(path(shop, "/knowledge-suggestions")).then().statusCode(200).body("suggestionId", equalTo(List.of(suggestionId)));

        erase(shop, shop, "b-gone").then().statusCode(204);

        // the buyer's tokens are dead, and a new token of the same id finds nothing
        asBuyer(token).get("/api/chat/conversations/" + conversationId).then().statusCode(401);
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            assertThat(ws.next("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        String fresh = shop.buyerToken("b-gone");
        asBuyer(fresh).get("/api/chat/conversations/" + conversationId).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        // history, images, profile, inspection, handoff and suggestion are gone for the merchant too
        as(shop).get(path(shop, "/conversations/" + conversationId)).then().statusCode(404);
        as(shop).queryParam("buyerId", "b-gone").get(path(shop, "/conversations")).then().statusCode(200).body("$", empty());
        as(shop).get(path(shop, "/images/" + imageId)).then().statusCode(404);
        as(shop).get(path(shop, "/images/" + imageId + "/verification")).then().statusCode(404);
        // the service center's profile endpoint is not built yet (issue 17); once it is, this must stay 404
        as(shop).get(path(shop, "/buyers/b-gone/profile")).then().statusCode(404);
        as(shop).get(path(shop, "/quality/conversations/" + conversationId)).then().statusCode(404);
        as(shop).get(path(shop, "/quality")).then().statusCode(200).body("$", empty());
        as(shop).get(path(shop, "/knowledge-suggestions")).then().statusCode(200).body("$", empty());
        for (String status : List.of("QUEUED", "ASSIGNED", "RESOLVED")) {
            as(shop).queryParam("status", status).get(path(shop, "/handoffs")).then().statusCode(200).body("$", empty());
        }
        // the case and the order keep their ids, items and amounts, without the buyer
        String caseBody = as(shop).get(path(shop, "/after-sales/" + opened.caseId())).then().statusCode(200)
                .body("caseId", equalTo(opened.caseId())).body("orderId", equalTo("E-1"))
                .body("amount", equalTo(120.0f)).body("items", equalTo(List.of("TEA-1")))
                .body("status", equalTo("PENDING_REVIEW")).body("buyerId", startsWith("erased-"))
                .extract().asString();
        as(shop).queryParam("buyerId", "b-gone").get(path(shop, "/after-sales")).then().statusCode(200).body("$", empty());
        String orderBody = as(shop).get(path(shop, "/orders/E-1")).then().statusCode(200)
                .body("orderId", equalTo("E-1")).body("total", equalTo(120.0f)).body("items[0].sku", equalTo("TEA-1"))
                .body("buyerId", startsWith("erased-")).body("logistics.trackingNo", equalTo("SF100200"))
                .extract().asString();
        for (String body : List.of(caseBody, orderBody)) {
            assertThat(body).doesNotContain("b-gone", PHONE, NAME, STREET, conversationId);
        }
        // the shop can still decide the case
        as(shop).body(Map.of("approve", true)).post(path(shop, "/after-sales/" + opened.caseId() + "/decision"))
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        // the audit log says who erased whom, and when
        as(shop).queryParam("action", "BUYER_ERASED").get(path(shop, "/audit")).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].target", equalTo("b-gone"))
                .body("[0].actor.kind", equalTo("MERCHANT")).body("[0].actor.id", equalTo(shop.merchantId()))
                .body("[0].details.conversations", equalTo(1)).body("[0].details.images", equalTo(1))
                .body("[0].details.casesAnonymised", equalTo(1)).body("[0].details.ordersAnonymised", equalTo(1));

        // nobody else lost anything
        as(shop).get(path(shop, "/conversations/" + staysConversation)).then().statusCode(200);
        as(other).get(path(other, "/conversations/" + otherShopConversation)).then().statusCode(200)
                .body("buyerId", equalTo("b-gone"));
        as(other).get(path(other, "/orders/E-1")).then().statusCode(200)
                .body("buyerId", equalTo("b-gone")).body("address.phone", equalTo(PHONE));
        // and the buyer is not found twice
        erase(shop, shop, "b-gone").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void otherMerchantsBadIdsAndUnknownBuyersGetTheContractErrorAndChangeNothing() throws Exception {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        String token = shop.buyerToken("b-x");
        String conversationId = chat(token, "你好");

        erase(other, shop, "b-x").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().delete(path(shop, "/buyers/b-x")).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        erase(other, other, "b-x").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        erase(shop, shop, "nobody").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        erase(shop, shop, "x".repeat(65)).then().statusCode(400).body("error.field", equalTo("buyerId"));
        erase(shop, shop, "b x").then().statusCode(400).body("error.field", equalTo("buyerId"));

        asBuyer(token).get("/api/chat/conversations/" + conversationId).then().statusCode(200);
        as(shop).get(path(shop, "/conversations/" + conversationId)).then().statusCode(200).body("buyerId", equalTo("b-x"));
        for (TestShop s : List.of(shop, other)) {
            as(s).queryParam("action", "BUYER_ERASED").get(path(s, "/audit")).then().statusCode(200).body("$", empty());
        }
    }
}
