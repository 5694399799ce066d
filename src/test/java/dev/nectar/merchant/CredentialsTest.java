package dev.nectar.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Key rotation, token revocation and agent token rotation through the contract endpoints. */
@QuarkusTest
class CredentialsTest {
    @TestHTTPResource("/")
    URI base;

    private static String rotate(TestShop shop, String auth, Object body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .post("/api/merchants/" + shop.merchantId() + "/api-keys").then().statusCode(201).extract().path("apiKey");
    }

    private static int policyStatus(TestShop shop, String key) {
        return given().header("Authorization", "Bearer " + key).get("/api/merchants/" + shop.merchantId() + "/policy").statusCode();
    }

    @Test
    void aRotatedKeyStopsAtOnceWithoutGraceAndAfterItsGrace() {
        TestShop shop = TestShop.create();
        String second = rotate(shop, shop.auth(), Map.of("graceSeconds", 0));
        assertThat(second).startsWith(Merchant.API_KEY_PREFIX).isNotEqualTo(shop.apiKey());
        assertThat(policyStatus(shop, shop.apiKey())).isEqualTo(401);
        assertThat(policyStatus(shop, second)).isEqualTo(200);

        String third = rotate(shop, "Bearer " + second, Map.of("graceSeconds", 2));
        assertThat(policyStatus(shop, second)).as("in its grace").isEqualTo(200);
        assertThat(policyStatus(shop, third)).isEqualTo(200);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> policyStatus(shop, second) == 401);
        assertThat(policyStatus(shop, third)).isEqualTo(200);
    }

    @Test
    void rotationNeedsTheMerchantsOwnKeyAndASaneGrace() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/merchants/" + shop.merchantId() + "/api-keys").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/merchants/" + shop.merchantId() + "/api-keys").then().statusCode(401);
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("graceSeconds", -1))
                .post("/api/merchants/" + shop.merchantId() + "/api-keys").then().statusCode(400)
                .body("error.field", equalTo("graceSeconds"));
        assertThat(policyStatus(shop, shop.apiKey())).as("a refused rotation changes nothing").isEqualTo(200);
    }

    @Test
    void revokedBuyerTokensFailAndOpenSocketsAreClosed() throws Exception {
        TestShop shop = TestShop.create();
        String old = shop.buyerToken("revoked-buyer");
        String bystander = shop.buyerToken("other-buyer");
        try (WsClient ws = WsClient.connect(base, "/ws/chat", old); WsClient other = WsClient.connect(base, "/ws/chat", bystander)) {
            ws.next("session");
            other.next("session");
            given().header("Authorization", shop.auth())
                    .post("/api/merchants/" + shop.merchantId() + "/buyers/revoked-buyer/revoke-tokens").then().statusCode(204);
            assertThat(ws.closeCode(5000)).isEqualTo(1008);
            assertThat(other.isClosed(300)).as("another buyer's socket").isFalse();
        }
        given().header("Authorization", "Bearer " + old).get("/api/chat/conversations/any").then().statusCode(401);
        try (WsClient ws = WsClient.connect(base, "/ws/chat", old)) {
            assertThat(ws.next("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(ws.closeCode(5000)).isEqualTo(1008);
        }
        String fresh = shop.buyerToken("revoked-buyer");
        try (WsClient ws = WsClient.connect(base, "/ws/chat", fresh)) {
            JsonNode session = ws.next("session");
            assertThat(session.path("conversationId").asText()).isNotBlank();
        }
    }

    @Test
    void aRotatedAgentTokenReplacesTheOldOne() throws Exception {
        TestShop shop = TestShop.create();
        String old = given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("agentId", "a1", "name", "小禾"))
                .post("/api/merchants/" + shop.merchantId() + "/agents").then().statusCode(201).extract().path("token");
        String fresh = given().header("Authorization", shop.auth())
                .post("/api/merchants/" + shop.merchantId() + "/agents/a1/token").then().statusCode(201).extract().path("token");
        assertThat(fresh).isNotEqualTo(old);
        try (WsClient ws = WsClient.connect(base, "/ws/agent", old)) {
            assertThat(ws.next("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        try (WsClient ws = WsClient.connect(base, "/ws/agent", fresh)) {
            assertThat(ws.drain(500)).noneMatch(f -> "error".equals(f.path("type").asText()));
            assertThat(ws.isClosed(100)).isFalse();
        }
        given().header("Authorization", shop.auth())
                .post("/api/merchants/" + shop.merchantId() + "/agents/nobody/token").then().statusCode(404);
    }
}
