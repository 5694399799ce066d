package dev.nectar.merchant;

import dev.nectar.TestShop;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Database;
import dev.nectar.platform.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Operator and identity endpoints: merchants, buyer tokens, agents. */
@QuarkusTest
class MerchantApiTest {
    private static final String MERCHANTS = "/api/admin/merchants";

    @Inject
    Database db;
    @Inject
    Authenticator authenticator;
    @Inject
    BuyerTokens buyerTokens;

    // --- POST /api/admin/merchants

    @Test
    void theOperatorCreatesAMerchantWhoseKeyIsStoredOnlyAsAHash() {
        String id = newId();

        String key = admin().body(merchant(id)).post(MERCHANTS).then().statusCode(201)
                .body("merchantId", equalTo(id)).body("apiKey", startsWith(Merchant.API_KEY_PREFIX))
                .extract().path("apiKey");

        assertThat(db.query("SELECT api_key_hash FROM merchants WHERE merchant_id = ?", rs -> rs.getString(1), id))
                .containsExactly(Secrets.sha256(key));
        assertThat(db.query("SELECT COUNT(*) FROM merchants WHERE api_key_hash = ? OR name = ?", rs -> rs.getInt(1), key, key))
                .containsExactly(0);
        issueBuyerToken(new TestShop(id, key), id, Map.of("buyerId", "b-1")).statusCode(201);
    }

    @Test
    void anExistingMerchantIdIsAConflictAndKeepsTheFirstKey() {
        TestShop shop = TestShop.create();

        admin().body(merchant(shop.merchantId())).post(MERCHANTS).then().statusCode(409)
                .body("error.code", equalTo("MERCHANT_EXISTS"));
        issueBuyerToken(shop, shop.merchantId(), Map.of("buyerId", "b-1")).statusCode(201);
    }

    @Test
    void creatingAMerchantNeedsTheOperatorToken() {
        TestShop shop = TestShop.create();
        for (String header : new String[]{null, "Bearer wrong-token", "Bearer " + shop.apiKey(), TestShop.ADMIN_TOKEN,
                "Basic " + TestShop.ADMIN_TOKEN}) {
            RequestSpecification request = given().contentType(ContentType.JSON).body(merchant(newId()));
            if (header != null) {
                request.header("Authorization", header);
            }
            request.post(MERCHANTS).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Shop-1", "shop_1", "shop 1", "茶叶店", "a23456789012345678901234567890123456789012"})
    void aMerchantIdOutsideTheContractIsRefused(String id) {
        admin().body(merchant(id)).post(MERCHANTS).then().statusCode(400)
                .body("error.code", equalTo("INVALID_FIELD")).body("error.field", equalTo("merchantId"));
    }

    @Test
    void merchantFieldsAreChecked() {
        String id = newId();
        admin().body(Map.of("merchantId", id)).post(MERCHANTS).then().statusCode(400).body("error.field", equalTo("name"));
        admin().body(Map.of("name", "无名店")).post(MERCHANTS).then().statusCode(400).body("error.field", equalTo("merchantId"));
        admin().body(Map.of("merchantId", id, "name", List.of("店"))).post(MERCHANTS).then().statusCode(400)
                .body("error.field", equalTo("name"));
        admin().body(Map.of("merchantId", id, "name", "店".repeat(201))).post(MERCHANTS).then().statusCode(400)
                .body("error.field", equalTo("name"));
        admin().body("{\"merchantId\": \"" + id + "\", \"name\": ").post(MERCHANTS).then().statusCode(400)
                .body("error.code", equalTo("MALFORMED_JSON"));
        admin().post(MERCHANTS).then().statusCode(400).body("error.field", equalTo("body"));
        // a key given twice (found by InputFuzzTest)
        admin().body("{\"merchantId\":\"" + id + "\",\"name\":\"店\",\"locale\":\"zh-CN\",\"locale\":\"zh-CN\"}").post(MERCHANTS)
                .then().statusCode(400).body("error.code", equalTo("INVALID_FIELD")).body("error.field", equalTo("locale"));

        // nothing was created by the refused requests
        admin().body(merchant(id)).post(MERCHANTS).then().statusCode(201);
    }

    // --- POST /api/merchants/{m}/buyer-tokens

    @Test
    void aBuyerTokenIdentifiesTheBuyerAndExpiresAsAsked() {
        TestShop shop = TestShop.create();

        ValidatableResponse r = issueBuyerToken(shop, shop.merchantId(), Map.of("buyerId", "buyer-42", "ttlSeconds", 600))
                .statusCode(201);

        String token = r.extract().path("token");
        OffsetDateTime expiresAt = OffsetDateTime.parse(r.extract().path("expiresAt"));
        assertThat(expiresAt).isBetween(OffsetDateTime.now().plusSeconds(300), OffsetDateTime.now().plusSeconds(600));
        assertThat(authenticator.requireBuyer("Bearer " + token)).isEqualTo(new BuyerIdentity(shop.merchantId(), "buyer-42"));
        assertThat(authenticator.requireBuyer(token)).isEqualTo(new BuyerIdentity(shop.merchantId(), "buyer-42"));
    }

    @Test
    void aBuyerTokenLastsADayByDefault() {
        TestShop shop = TestShop.create();

        String expiresAt = issueBuyerToken(shop, shop.merchantId(), Map.of("buyerId", "buyer-1")).statusCode(201)
                .extract().path("expiresAt");

        assertThat(OffsetDateTime.parse(expiresAt)).isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
    }

    @Test
    void buyerTokensNeedTheMerchantsOwnKey() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/buyer-tokens";

        given().contentType(ContentType.JSON).body(Map.of("buyerId", "b")).post(path).then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer nk_unknown").contentType(ContentType.JSON).body(Map.of("buyerId", "b"))
                .post(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestShop.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("buyerId", "b")).post(path).then().statusCode(401);
        issueBuyerToken(other, shop.merchantId(), Map.of("buyerId", "b")).statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void buyerTokenRequestsAreChecked() {
        TestShop shop = TestShop.create();
        String m = shop.merchantId();

        issueBuyerToken(shop, m, Map.of()).statusCode(400).body("error.field", equalTo("buyerId"));
        issueBuyerToken(shop, m, Map.of("buyerId", "two words")).statusCode(400).body("error.field", equalTo("buyerId"));
        issueBuyerToken(shop, m, Map.of("buyerId", "b".repeat(65))).statusCode(400).body("error.field", equalTo("buyerId"));
        issueBuyerToken(shop, m, Map.of("buyerId", "b", "ttlSeconds", 10)).statusCode(400).body("error.field", equalTo("ttlSeconds"));
        issueBuyerToken(shop, m, Map.of("buyerId", "b", "ttlSeconds", 31 * 86400)).statusCode(400)
                .body("error.field", equalTo("ttlSeconds"));
        issueBuyerToken(shop, m, Map.of("buyerId", "b", "ttlSeconds", "soon")).statusCode(400)
                .body("error.field", equalTo("ttlSeconds"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body("{buyerId: b}")
                .post("/api/merchants/" + m + "/buyer-tokens").then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void forgedExpiredOrOrphanBuyerTokensAreUnauthorized() {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("buyer-1");
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        String expired = buyerTokens.issue(shop.merchantId(), "buyer-1", Instant.now().minusSeconds(5));
        String noSuchMerchant = buyerTokens.issue("no-such-shop", "buyer-1", Instant.now().plusSeconds(600));

        assertThat(authenticator.requireBuyer(token).buyerId()).isEqualTo("buyer-1");
        for (String bad : new String[]{tampered, expired, noSuchMerchant, shop.apiKey(), null, ""}) {
            assertThatThrownBy(() -> authenticator.requireBuyer(bad))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    // --- POST /api/merchants/{m}/agents

    @Test
    void aRegisteredAgentGetsATokenThatIdentifiesThem() {
        TestShop shop = TestShop.create();

        String token = registerAgent(shop, shop.merchantId(), agent("agent-pet", Map.of("certifications", List.of("pet"),
                "tier", 4, "maxConcurrent", 2))).statusCode(201)
                .body("agentId", equalTo("agent-pet")).body("token", startsWith("ng_")).extract().path("token");

        assertThat(authenticator.agent(token)).hasValueSatisfying(a -> {
            assertThat(a.merchantId()).isEqualTo(shop.merchantId());
            assertThat(a.certifications()).containsExactly("pet");
            assertThat(a.tier()).isEqualTo(4);
            assertThat(a.maxConcurrent()).isEqualTo(2);
        });
        assertThat(authenticator.agent("ng_forged")).isEmpty();
        assertThat(db.query("SELECT COUNT(*) FROM agents WHERE token_hash = ?", rs -> rs.getInt(1), token)).containsExactly(0);
    }

    @Test
    void agentDefaultsAndListingWithoutTokens() {
        TestShop shop = TestShop.create();
        registerAgent(shop, shop.merchantId(), agent("agent-a", Map.of())).statusCode(201);

        given().header("Authorization", shop.auth()).get("/api/merchants/" + shop.merchantId() + "/agents")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].agentId", equalTo("agent-a"))
                .body("[0].tier", equalTo(1))
                .body("[0].maxConcurrent", equalTo(3))
                .body("[0].certifications.size()", equalTo(0))
                .body("[0]", not(hasKey("token")));
    }

    @Test
    void agentIdsAreUniquePerMerchant() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        registerAgent(shop, shop.merchantId(), agent("agent-dup", Map.of())).statusCode(201);

        registerAgent(shop, shop.merchantId(), agent("agent-dup", Map.of())).statusCode(409)
                .body("error.code", equalTo("AGENT_EXISTS"));
        registerAgent(other, other.merchantId(), agent("agent-dup", Map.of())).statusCode(201);
    }

    @Test
    void agentRegistrationIsChecked() {
        TestShop shop = TestShop.create();
        String m = shop.merchantId();

        registerAgent(shop, m, Map.of("name", "无号")).statusCode(400).body("error.field", equalTo("agentId"));
        registerAgent(shop, m, Map.of("agentId", "a-1")).statusCode(400).body("error.field", equalTo("name"));
        registerAgent(shop, m, agent("a-1", Map.of("tier", 0))).statusCode(400).body("error.field", equalTo("tier"));
        registerAgent(shop, m, agent("a-1", Map.of("tier", 6))).statusCode(400).body("error.field", equalTo("tier"));
        registerAgent(shop, m, agent("a-1", Map.of("maxConcurrent", 0))).statusCode(400).body("error.field", equalTo("maxConcurrent"));
        registerAgent(shop, m, agent("a-1", Map.of("certifications", List.of("pet care")))).statusCode(400)
                .body("error.field", equalTo("certifications[0]"));
        registerAgent(shop, m, agent("a-1", Map.of("certifications", "pet"))).statusCode(400)
                .body("error.field", equalTo("certifications"));
        registerAgent(shop, m, agent("a-1", Map.of("certifications", java.util.Collections.nCopies(21, "pet"))))
                .statusCode(400).body("error.field", equalTo("certifications"));
        registerAgent(shop, m, agent("a-1", Map.of("tier", "high"))).statusCode(400).body("error.field", equalTo("tier"));

        // none of those registered anything
        registerAgent(shop, m, agent("a-1", Map.of())).statusCode(201);
    }

    @Test
    void agentsNeedTheMerchantsOwnKey() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/agents";

        given().contentType(ContentType.JSON).body(agent("a-1", Map.of())).post(path).then().statusCode(401);
        given().get(path).then().statusCode(401);
        registerAgent(other, shop.merchantId(), agent("a-1", Map.of())).statusCode(403);
        given().header("Authorization", other.auth()).get(path).then().statusCode(403);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestShop.ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    private static Map<String, Object> merchant(String id) {
        return Map.of("merchantId", id, "name", "青柠小铺", "locale", "zh-CN");
    }

    private static Map<String, Object> agent(String id, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("agentId", id, "name", "客服" + id));
        body.putAll(extra);
        return body;
    }

    private static ValidatableResponse issueBuyerToken(TestShop as, String merchantId, Map<String, Object> body) {
        return given().header("Authorization", as.auth()).contentType(ContentType.JSON).body(body)
                .post("/api/merchants/" + merchantId + "/buyer-tokens").then();
    }

    private static ValidatableResponse registerAgent(TestShop as, String merchantId, Map<String, Object> body) {
        return given().header("Authorization", as.auth()).contentType(ContentType.JSON).body(body)
                .post("/api/merchants/" + merchantId + "/agents").then();
    }

    private static String newId() {
        return "m-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
