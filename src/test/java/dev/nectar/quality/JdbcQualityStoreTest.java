package dev.nectar.quality;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the embedded database. */
class JdbcQualityStoreTest extends QualityStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.embedded();

    @Override
    Database db() {
        return DB.get();
    }
}
