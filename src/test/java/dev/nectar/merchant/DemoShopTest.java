package dev.nectar.merchant;

import dev.nectar.Money;
import dev.nectar.platform.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.nectar.Money.money;
import static org.hamcrest.Matchers.equalTo;

/** The demo shop loads on first start of an empty data folder, with working credentials in a private file. */
@QuarkusTest
@TestProfile(DemoShopTest.DemoOn.class)
class DemoShopTest {

    public static class DemoOn implements QuarkusTestProfile {
        private static final String DATA_DIR = "target/test-data-demo/" + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nectar.demo", "true", "nectar.data-dir", DATA_DIR);
        }
    }

    @Inject
    DemoShop demoShop;
    @Inject
    DemoShopEvents events;
    @Inject
    Authenticator authenticator;

    @Test
    void credentialsAreWrittenToAnOwnerOnlyFile() throws IOException {
        Path file = demoShop.credentialsFile();

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(credentials().getProperty("merchant.apiKey")).startsWith(Merchant.API_KEY_PREFIX);
        assertThat(credentials().getProperty("chat.url")).startsWith("ws://localhost:").endsWith("/ws/chat");
    }

    @Test
    void theMerchantKeyReadsTheDemoCatalogOrdersAndPolicy() throws IOException {
        String auth = "Bearer " + credentials().getProperty("merchant.apiKey");

        given().config(Money.EXACT).header("Authorization", auth).get("/api/merchants/demo/catalog/QH-BOOT-42")
                .then().statusCode(200).body("spu", equalTo("QH-BOOT")).body("category", equalTo("户外"))
                .body("price", money("459"));
        String delivered = given().header("Authorization", auth).get("/api/merchants/demo/orders/QH25110004")
                .then().statusCode(200).body("buyerId", equalTo("demo-buyer")).body("status", equalTo("DELIVERED"))
                .extract().path("deliveredAt");
        // written as "deliveredDaysAgo", so it is always a few days before the start
        assertThat(OffsetDateTime.parse(delivered)).isBetween(OffsetDateTime.now().minusDays(7), OffsetDateTime.now());
        given().header("Authorization", auth).get("/api/merchants/demo/policy")
                .then().statusCode(200).body("categorySkills.宠物", equalTo("pet"));
    }

    @Test
    void buyerAndAgentTokensIdentifyTheirHolders() throws IOException {
        Properties c = credentials();

        assertThat(authenticator.requireBuyer(c.getProperty("buyer.demo-buyer.token")))
                .isEqualTo(new BuyerIdentity("demo", "demo-buyer"));
        assertThat(authenticator.requireBuyer(c.getProperty("buyer.demo-buyer-2.token")))
                .isEqualTo(new BuyerIdentity("demo", "demo-buyer-2"));
        assertThat(authenticator.agent(c.getProperty("agent.qh-zhoumu.token")))
                .hasValueSatisfying(a -> assertThat(a.certifications()).contains("pet"));
    }

    @Test
    void theEventIsFiredOnceAndALaterStartKeepsTheShopAndItsKey() throws IOException {
        String key = credentials().getProperty("merchant.apiKey");

        assertThat(demoShop.loadIfAbsent()).isFalse();

        assertThat(events.seen()).containsExactly(new DemoShopCreated("demo", Path.of("knowledge-base").toAbsolutePath().normalize()));
        assertThat(credentials().getProperty("merchant.apiKey")).isEqualTo(key);
        assertThat(authenticator.requireBuyer(credentials().getProperty("buyer.demo-buyer.token")).buyerId()).isEqualTo("demo-buyer");
        given().header("Authorization", "Bearer " + key).get("/api/merchants/demo/catalog/QH-TEA-LJ100").then().statusCode(200);
    }

    @Test
    void aDemoBuyerTokenIsNoMerchantKey() throws IOException {
        String buyerToken = credentials().getProperty("buyer.demo-buyer.token");

        given().header("Authorization", "Bearer " + buyerToken).get("/api/merchants/demo/orders/QH25110004")
                .then().statusCode(401);
        assertThatThrownBy(() -> authenticator.requireMerchant("Bearer " + buyerToken, "demo"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private Properties credentials() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(demoShop.credentialsFile(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
