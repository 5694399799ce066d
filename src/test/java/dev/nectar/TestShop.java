package dev.nectar;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates fresh merchants and credentials through the public API, so tests never share state. */
public record TestShop(String merchantId, String apiKey) {
    public static final String ADMIN_TOKEN = "test-admin-token";

    public static TestShop create() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        String key = given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("merchantId", id, "name", "测试小店", "locale", "zh-CN"))
                .post("/api/admin/merchants").then().statusCode(201).extract().path("apiKey");
        return new TestShop(id, key);
    }

    public String auth() {
        return "Bearer " + apiKey;
    }

    public String buyerToken(String buyerId) {
        return given().header("Authorization", auth()).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyerId)).post("/api/merchants/" + merchantId + "/buyer-tokens")
                .then().statusCode(201).extract().path("token");
    }

    /** The after-sales cases of one order, as the merchant lists them. */
    public com.fasterxml.jackson.databind.JsonNode afterSales(String orderId) {
        String body = given().header("Authorization", auth()).queryParam("orderId", orderId)
                .get("/api/merchants/" + merchantId + "/after-sales").then().statusCode(200).extract().asString();
        return dev.nectar.platform.Json.read(body, com.fasterxml.jackson.databind.JsonNode.class);
    }

    /** PUTs a JSON body (catalog, orders, policy) and expects 200. */
    public void put(String path, Object body) {
        given().header("Authorization", auth()).contentType(ContentType.JSON).body(body)
                .put("/api/merchants/" + merchantId + path).then().statusCode(200);
    }
}
