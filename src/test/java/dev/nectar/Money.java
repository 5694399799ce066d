package dev.nectar;

import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import java.math.BigDecimal;

import static io.restassured.config.JsonConfig.jsonConfig;

/** Exact money checks on JSON responses: 199, 199.0 and 199.00 are the same amount, 199.001 is not. */
public final class Money {
    /** Reads JSON decimals as BigDecimal instead of float, so no amount is rounded before it is compared. */
    public static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Money() {
    }

    public static Matcher<Number> money(String amount) {
        BigDecimal expected = new BigDecimal(amount);
        return new CustomTypeSafeMatcher<>("the amount " + amount) {
            @Override
            protected boolean matchesSafely(Number actual) {
                return new BigDecimal(actual.toString()).compareTo(expected) == 0;
            }
        };
    }
}
