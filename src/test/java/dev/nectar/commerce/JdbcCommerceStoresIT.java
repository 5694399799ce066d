package dev.nectar.commerce;

import dev.nectar.TestDatabases;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the test PostgreSQL. */
class JdbcCommerceStoresIT extends CommerceStoreContract {
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres("commerce_it", true);
    }

    @AfterAll
    static void close() {
        db.dataSource().close();
    }

    @Override
    Database db() {
        return db;
    }
}
