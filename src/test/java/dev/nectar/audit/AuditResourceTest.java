package dev.nectar.audit;

import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/merchants/{m}/audit}: what a merchant did, in its window and by action, and the errors of the query. */
@QuarkusTest
class AuditResourceTest {

    @Test
    void listsTheMerchantsOwnActionsInTheWindowOldestFirst() {
        TestShop shop = TestShop.create();
        shop.put("/policy", Map.of("noReasonReturnDays", 7));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("graceSeconds", 60))
                .post("/api/merchants/" + shop.merchantId() + "/api-keys").then().statusCode(201);

        audit(shop, Map.of()).then().statusCode(200)
                .body("action", contains("POLICY_CHANGED", "API_KEY_ROTATED"))
                .body("[0].actor.kind", equalTo("MERCHANT")).body("[0].actor.id", equalTo(shop.merchantId()));
        audit(shop, Map.of("action", "POLICY_CHANGED")).then().statusCode(200).body("action", contains("POLICY_CHANGED"));
        audit(shop, Map.of("to", OffsetDateTime.now().minusHours(1).toString())).then().statusCode(200).body("$", empty());
        // another merchant's log is not readable with this key, and theirs holds none of these entries
        TestShop other = TestShop.create();
        given().header("Authorization", shop.auth()).get("/api/merchants/" + other.merchantId() + "/audit").then().statusCode(403);
        audit(other, Map.of()).then().statusCode(200).body("$", empty());
    }

    @Test
    void aBadWindowOrActionNamesItsField() {
        TestShop shop = TestShop.create();
        audit(shop, Map.of("from", "yesterday")).then().statusCode(400).body("error.field", equalTo("from"));
        audit(shop, Map.of("to", "2026-13-01")).then().statusCode(400).body("error.field", equalTo("to"));
        audit(shop, Map.of("from", "2026-02-01T00:00:00+08:00", "to", "2026-01-01T00:00:00+08:00")).then().statusCode(400)
                .body("error.field", equalTo("from"));
        audit(shop, Map.of("action", "NOT_AN_ACTION")).then().statusCode(400).body("error.field", equalTo("action"));
    }

    private static io.restassured.response.Response audit(TestShop shop, Map<String, String> query) {
        return given().header("Authorization", shop.auth()).queryParams(query).get("/api/merchants/" + shop.merchantId() + "/audit");
    }
}
