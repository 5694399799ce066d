package dev.nectar.commerce;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcCommerceStoresIT extends CommerceStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("commerce_it");

    @Override
    Database db() {
        return DB.get();
    }
}
