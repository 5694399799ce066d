package dev.nectar.conversation;

import dev.nectar.TestConfigs;
import dev.nectar.commerce.JdbcCatalogStore;
import dev.nectar.commerce.Product;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL the benchmark work changed, on PostgreSQL (NECTAR_TEST_DB_URL), in a schema of its own: turn numbers computed
 * inside the INSERT, and the catalog revision that tells every node to reload a merchant's catalog.
 */
@EnabledIfEnvironmentVariable(named = "NECTAR_TEST_DB_URL", matches = ".+")
class CatalogAndTurnsPostgresIT {
    private static final String SCHEMA = "nectar_catalog_turns_it";
    private static Database db;

    @BeforeAll
    static void open() throws Exception {
        String url = System.getenv("NECTAR_TEST_DB_URL");
        String user = System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
        String password = System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection c = new org.postgresql.Driver().connect(url, credentials); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public";
        db = new Database(TestConfigs.nectar(Map.of("db.url", schemaUrl, "db.user", user, "db.password", password)));
    }

    @AfterAll
    static void close() {
        db.dataSource().close();
    }

    @Test
    void turnsAreNumberedInOrder() {
        JdbcConversationStore store = new JdbcConversationStore(db);
        Conversation c = store.create("m1", "b1");
        store.append(c.conversationId(), Turn.of(Turn.Role.BUYER, "你好"));
        store.append(c.conversationId(), Turn.of(Turn.Role.BOT, "您好，有什么可以帮您"));
        store.append(c.conversationId(), Turn.of(Turn.Role.BUYER, "我的快递到哪了"));

        assertThat(store.turns(c.conversationId())).extracting(Turn::text)
                .containsExactly("你好", "您好，有什么可以帮您", "我的快递到哪了");
    }

    @Test
    void aCatalogUpsertOnAnotherNodeIsSeen() {
        JdbcCatalogStore here = new JdbcCatalogStore(db);
        JdbcCatalogStore there = new JdbcCatalogStore(db);
        here.upsert("m1", List.of(product("S1")));
        List<Product> first = here.all("m1");
        assertThat(here.all("m1")).isSameAs(first);

        there.upsert("m1", List.of(product("S2")));

        assertThat(here.all("m1")).extracting(Product::sku).containsExactly("S1", "S2");
    }

    private static Product product(String sku) {
        return new Product(sku, sku, "登山鞋 " + sku, "户外鞋", new BigDecimal("399.00"), 5, "", Map.of(), List.of(), null, null);
    }
}
