package dev.nectar.webhook;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcWebhookStoreIT extends WebhookStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("webhook_it");

    @Override
    Database db() {
        return DB.get();
    }
}
