package dev.nectar.webhook;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the embedded database. */
class JdbcWebhookStoreTest extends WebhookStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.embedded();

    @Override
    Database db() {
        return DB.get();
    }
}
