package dev.nectar.handoff;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcHandoffStoreIT extends HandoffStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("handoff_it");

    @Override
    Database db() {
        return DB.get();
    }
}
