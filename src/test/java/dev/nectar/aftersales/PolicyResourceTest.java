package dev.nectar.aftersales;

import dev.nectar.Money;
import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static dev.nectar.Money.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** GET and PUT of a merchant's after-sales policy, defaults filled in. */
@QuarkusTest
class PolicyResourceTest {
    @Test
    void aMerchantWithoutAPolicyGetsTheContractDefaults() {
        TestShop shop = TestShop.create();

        get(shop).statusCode(200)
                .body("noReasonReturnDays", equalTo(7))
                .body("noReasonExcludedCategories", containsInAnyOrder("生鲜", "定制"))
                .body("qualityClaimDays", equalTo(30))
                .body("refundOnlyAutoApproveMax", money("50.00"))
                .body("categorySkills", equalTo(Map.of("母婴", "maternal_infant", "宠物", "pet", "美妆", "beauty")));
    }

    @Test
    void aPartialPolicyKeepsTheDefaultsForWhatItLeavesOut() {
        TestShop shop = TestShop.create();

        put(shop, Map.of("noReasonReturnDays", 15, "refundOnlyAutoApproveMax", new BigDecimal("88.5"))).statusCode(200)
                .body("noReasonReturnDays", equalTo(15))
                .body("qualityClaimDays", equalTo(30));

        get(shop).statusCode(200)
                .body("noReasonReturnDays", equalTo(15))
                .body("refundOnlyAutoApproveMax", money("88.50"))
                .body("qualityClaimDays", equalTo(30))
                .body("categorySkills.宠物", equalTo("pet"));
    }

    @Test
    void aFullPolicyReplacesThePreviousOne() {
        TestShop shop = TestShop.create();
        put(shop, Map.of("noReasonReturnDays", 15)).statusCode(200);

        put(shop, Map.of("noReasonReturnDays", 10, "noReasonExcludedCategories", List.of("内衣"), "qualityClaimDays", 60,
                "refundOnlyAutoApproveMax", 0, "categorySkills", Map.of("数码", "digital"))).statusCode(200);

        get(shop).statusCode(200)
                .body("noReasonReturnDays", equalTo(10))
                .body("noReasonExcludedCategories", contains("内衣"))
                .body("qualityClaimDays", equalTo(60))
                .body("refundOnlyAutoApproveMax", money("0"))
                .body("categorySkills", equalTo(Map.of("数码", "digital")));
    }

    @Test
    void policiesAreKeptPerMerchant() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();

        put(shop, Map.of("noReasonReturnDays", 20)).statusCode(200);

        get(other).statusCode(200).body("noReasonReturnDays", equalTo(7));
    }

    @Test
    void policyFieldsAreChecked() {
        TestShop shop = TestShop.create();

        refused(shop, Map.of("refundOnlyAutoApproveMax", new BigDecimal("50.001")), "refundOnlyAutoApproveMax");
        refused(shop, Map.of("refundOnlyAutoApproveMax", -1), "refundOnlyAutoApproveMax");
        refused(shop, Map.of("refundOnlyAutoApproveMax", "lots"), "refundOnlyAutoApproveMax");
        refused(shop, Map.of("noReasonReturnDays", -1), "noReasonReturnDays");
        refused(shop, Map.of("noReasonReturnDays", 366), "noReasonReturnDays");
        refused(shop, Map.of("noReasonReturnDays", "seven"), "noReasonReturnDays");
        refused(shop, Map.of("qualityClaimDays", -5), "qualityClaimDays");
        refused(shop, Map.of("noReasonExcludedCategories", "定制"), "noReasonExcludedCategories");
        refused(shop, Map.of("noReasonExcludedCategories", Arrays.asList("定制", null)), "noReasonExcludedCategories");
        refused(shop, Map.of("noReasonExcludedCategories", List.of(" ")), "noReasonExcludedCategories");
        refused(shop, Map.of("categorySkills", Map.of("宠物", "pet care")), "categorySkills.宠物");
        refused(shop, Map.of("categorySkills", nullValued("宠物")), "categorySkills.宠物");
        refused(shop, Map.of("categorySkills", List.of("pet")), "categorySkills");
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body("{\"noReasonReturnDays\": ")
                .put(path(shop)).then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));

        // none of the refused bodies changed the policy
        get(shop).statusCode(200).body("noReasonReturnDays", equalTo(7))
                .body("refundOnlyAutoApproveMax", money("50"));
    }

    @Test
    void thePolicyNeedsTheMerchantsOwnKey() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();

        given().get(path(shop)).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body(Map.of("noReasonReturnDays", 1)).put(path(shop)).then().statusCode(401);
        given().header("Authorization", other.auth()).get(path(shop)).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("Authorization", other.auth()).contentType(ContentType.JSON).body(Map.of("noReasonReturnDays", 1))
                .put(path(shop)).then().statusCode(403);

        get(shop).statusCode(200).body("noReasonReturnDays", equalTo(7));
    }

    private static Map<String, String> nullValued(String key) {
        Map<String, String> m = new HashMap<>();
        m.put(key, null);
        return m;
    }

    private static String path(TestShop shop) {
        return "/api/merchants/" + shop.merchantId() + "/policy";
    }

    private static ValidatableResponse get(TestShop shop) {
        return given().config(Money.EXACT).header("Authorization", shop.auth()).get(path(shop)).then();
    }

    private static ValidatableResponse put(TestShop shop, Object body) {
        return given().config(Money.EXACT).header("Authorization", shop.auth()).contentType(ContentType.JSON).body(body)
                .put(path(shop)).then();
    }

    private static void refused(TestShop shop, Object body, String field) {
        put(shop, body).statusCode(400).body("error.code", equalTo("INVALID_FIELD")).body("error.field", equalTo(field));
    }
}
