package dev.nectar.merchant;

import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Repeated failed credentials from one client get 429, over HTTP and on the sockets, until the window ends. */
@QuarkusTest
@TestProfile(CredentialThrottleTest.Strict.class)
class CredentialThrottleTest {
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nectar.limits.auth-failures", "5", "nectar.limits.auth-failure-window", "PT3S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void guessingIsCutOffWith429AndAllowedAgainAfterTheWindow() throws Exception {
        TestShop shop = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/policy";
        String buyerToken = shop.buyerToken("x");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer nk_guess" + i).get(path).then().statusCode(401);
        }
        for (int i = 0; i < 2; i++) {
            try (WsClient ws = WsClient.connect(base, "/ws/chat", "nb1.guess" + i)) {
                assertThat(ws.closeCode(5000)).isEqualTo(1008);
            }
        }
        given().header("Authorization", "Bearer nk_guess").get(path).then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMITED"));
        given().header("Authorization", shop.auth()).get(path).then().statusCode(429); // even the right key waits
        assertThatThrownBy(() -> WsClient.connect(base, "/ws/chat", buyerToken)).as("the socket handshake is refused too")
                .hasStackTraceContaining("429");
        Thread.sleep(3500);
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200);
    }
}
