package dev.nectar.commerce;

import dev.nectar.TestConfigs;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcCatalogStoreTest {
    static {
        org.h2.Driver.load(); // DriverManager misses it after a @QuarkusTest in the same JVM
    }

    @TempDir
    Path folder;
    private Database db;

    @BeforeEach
    void open() {
        db = new Database(TestConfigs.nectar(Map.of("data-dir", folder.toString())));
    }

    @AfterEach
    void close() {
        db.dataSource().close();
    }

    private static Product product(String sku, String title, String price) {
        return new Product(sku, sku, title, "户外鞋", new BigDecimal(price), 5, "说明", Map.of(), List.of(), 4.8, 10L);
    }

    @Test
    void theSameListIsHandedOutUntilTheCatalogChanges() {
        JdbcCatalogStore store = new JdbcCatalogStore(db);
        store.upsert("m1", List.of(product("S1", "登山鞋", "399.00")));

        List<Product> first = store.all("m1");
        assertThat(store.all("m1")).isSameAs(first);

        store.upsert("m1", List.of(product("S1", "登山鞋 新款", "429.00"), product("S2", "徒步袜", "39.00")));
        List<Product> changed = store.all("m1");
        assertThat(changed).isNotSameAs(first);
        assertThat(changed).extracting(Product::title).containsExactly("登山鞋 新款", "徒步袜");
    }

    @Test
    void anUpsertOnAnotherNodeIsSeenByTheNextRead() {
        JdbcCatalogStore here = new JdbcCatalogStore(db);
        JdbcCatalogStore there = new JdbcCatalogStore(db); // another node on the same database
        here.upsert("m1", List.of(product("S1", "登山鞋", "399.00")));
        assertThat(here.all("m1")).hasSize(1);

        there.upsert("m1", List.of(product("S2", "徒步袜", "39.00")));

        assertThat(here.all("m1")).extracting(Product::sku).containsExactly("S1", "S2");
    }

    @Test
    void merchantsKeepTheirOwnCatalogs() {
        JdbcCatalogStore store = new JdbcCatalogStore(db);
        store.upsert("m1", List.of(product("S1", "登山鞋", "399.00")));
        store.upsert("m2", List.of(product("S9", "帐篷", "599.00")));

        assertThat(store.all("m1")).extracting(Product::sku).containsExactly("S1");
        assertThat(store.all("m2")).extracting(Product::sku).containsExactly("S9");
        assertThat(store.all("m3")).isEmpty();
    }
}
