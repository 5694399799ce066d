package dev.nectar.merchant;

import dev.nectar.TestConfigs;
import dev.nectar.aftersales.JdbcPolicyStore;
import dev.nectar.aftersales.Policy;
import dev.nectar.commerce.JdbcCatalogStore;
import dev.nectar.commerce.JdbcOrderStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.commerce.Product;
import dev.nectar.handoff.Agent;
import dev.nectar.handoff.JdbcAgentStore;
import dev.nectar.platform.Database;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import dev.nectar.platform.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store keeps everything in files under the data folder: closing and reopening loses nothing. */
class EmbeddedRestartTest {
    private static final String SHOP = "restart-shop";

    @TempDir
    Path dataDir;

    @Test
    void merchantsCatalogOrdersPolicyAgentsAndTheTokenSecretSurviveARestart() {
        NectarConfig config = TestConfigs.nectar(Map.of("data-dir", dataDir.toString()));
        OffsetDateTime created = OffsetDateTime.parse("2025-03-01T10:15:00+08:00");
        String[] buyerToken = new String[1];

        withDatabase(config, db -> {
            new JdbcMerchantStore(db).create(new Merchant(SHOP, "重启小店", "zh-CN", Instant.now()), Secrets.sha256("nk_key"));
            new JdbcCatalogStore(db).upsert(SHOP, List.of(new Product("mug-1", "mug", "陶瓷马克杯", "杯具",
                    new BigDecimal("35.50"), 7, "手绘釉下彩", Map.of("颜色", "青"), List.of("杯子"), 4.5, 12L)));
            new JdbcOrderStore(db).upsert(SHOP, List.of(new Order("o-1", "buyer-1", OrderStatus.PAID, created, created,
                    null, null, new BigDecimal("35.50"), true,
                    List.of(new Order.Item("mug-1", "陶瓷马克杯", 1, new BigDecimal("35.50"))), null, null)));
            new JdbcPolicyStore(db).put(SHOP, new Policy(15, List.of("定制"), null, null, null, null, null));
            new JdbcAgentStore(db).create(new Agent(SHOP, "agent-1", "阿禾", List.of("pet"), 2, 3), Secrets.sha256("ng_token"));
            buyerToken[0] = new BuyerTokens(config, new Settings(db)).issue(SHOP, "buyer-1", Instant.now().plusSeconds(3600));
        });

        withDatabase(config, db -> {
            assertThat(new JdbcMerchantStore(db).findByApiKeyHash(Secrets.sha256("nk_key")))
                    .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("重启小店"));
            assertThat(new JdbcCatalogStore(db).find(SHOP, "mug-1"))
                    .hasValueSatisfying(p -> assertThat(p.price()).isEqualByComparingTo("35.50"));
            assertThat(new JdbcOrderStore(db).find(SHOP, "o-1")).hasValueSatisfying(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.PAID);
                assertThat(o.createdAt().toInstant()).isEqualTo(created.toInstant());
                assertThat(o.insured()).isTrue();
            });
            assertThat(new JdbcPolicyStore(db).get(SHOP).noReasonReturnDays()).isEqualTo(15);
            assertThat(new JdbcAgentStore(db).findByTokenHash(Secrets.sha256("ng_token")))
                    .hasValueSatisfying(a -> assertThat(a.certifications()).containsExactly("pet"));
            // the generated buyer-token secret was kept, so tokens issued before the restart still verify
            assertThat(new BuyerTokens(config, new Settings(db)).verify(buyerToken[0]))
                    .contains(new BuyerIdentity(SHOP, "buyer-1"));
        });
    }

    @Test
    void anotherDataFolderStartsEmpty() {
        withDatabase(TestConfigs.nectar(Map.of("data-dir", dataDir.resolve("a").toString())), db ->
                new JdbcMerchantStore(db).create(new Merchant(SHOP, "甲店", "zh-CN", Instant.now()), Secrets.sha256("k")));

        withDatabase(TestConfigs.nectar(Map.of("data-dir", dataDir.resolve("b").toString())), db ->
                assertThat(new JdbcMerchantStore(db).find(SHOP)).isEmpty());
    }

    private static void withDatabase(NectarConfig config, Consumer<Database> work) {
        Database db = new Database(config);
        try {
            work.accept(db);
        } finally {
            db.dataSource().close();
        }
    }
}
