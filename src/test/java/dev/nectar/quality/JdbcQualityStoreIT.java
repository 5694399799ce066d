package dev.nectar.quality;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcQualityStoreIT extends QualityStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("quality_it");

    @Override
    Database db() {
        return DB.get();
    }
}
