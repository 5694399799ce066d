package dev.nectar.merchant;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With the demo shop on, the chat page mints tokens for the demo shop's own buyers, and for no one else. */
@QuarkusTest
@TestProfile(DemoShopTest.DemoOn.class)
class DemoBuyerTokenResourceTest {
    @Inject
    Authenticator authenticator;
    @Inject
    DemoShop demoShop;

    @Test
    void withoutABuyerIdTheTokenIsTheFirstDemoBuyersAndExpiresSoon() {
        Map<String, Object> minted = mint(Map.of()).statusCode(201)
                .body("merchantId", equalTo("demo"))
                .body("shopName", equalTo(demoShop.loaded().orElseThrow().name()))
                .extract().as(Map.class);

        String firstBuyer = demoShop.loaded().orElseThrow().buyers().get(0);
        assertThat(minted.get("buyerId")).isEqualTo(firstBuyer);
        assertThat(authenticator.requireBuyer((String) minted.get("token"))).isEqualTo(new BuyerIdentity("demo", firstBuyer));
        assertThat(OffsetDateTime.parse((String) minted.get("expiresAt")))
                .isBefore(OffsetDateTime.now().plus(DemoBuyerTokenResource.TTL).plus(Duration.ofMinutes(1)));
    }

    @Test
    void anotherDemoBuyerCanBeChosenButNoOtherBuyerOrMerchant() {
        String second = demoShop.loaded().orElseThrow().buyers().get(1);
        String token = mint(Map.of("buyerId", second)).statusCode(201).body("buyerId", equalTo(second)).extract().path("token");
        assertThat(authenticator.requireBuyer(token)).isEqualTo(new BuyerIdentity("demo", second));

        mint(Map.of("buyerId", "someone-else")).statusCode(400).body("error.field", equalTo("buyerId"));
        mint(Map.of("buyerId", "")).statusCode(400).body("error.field", equalTo("buyerId"));
        // a merchant in the body is ignored: only the demo shop is ever minted for
        mint(Map.of("merchantId", "another-shop", "buyerId", second)).statusCode(201).body("merchantId", equalTo("demo"));
    }

    @Test
    void theTokenIsNoMerchantKey() {
        String token = mint(Map.of()).statusCode(201).extract().path("token");

        given().header("Authorization", "Bearer " + token).get("/api/merchants/demo/policy").then().statusCode(401);
    }

    static ValidatableResponse mint(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/demo/buyer-token").then();
    }
}
