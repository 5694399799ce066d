package dev.nectar.merchant;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** With the demo shop off (the test profile's default, and NECTAR_DEMO=false in production) nothing is minted. */
@QuarkusTest
class DemoBuyerTokenOffTest {

    @Test
    void theDemoEndpointIsNotFound() {
        DemoBuyerTokenResourceTest.mint(Map.of()).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        DemoBuyerTokenResourceTest.mint(Map.of("buyerId", "demo-buyer")).statusCode(404);
    }
}
