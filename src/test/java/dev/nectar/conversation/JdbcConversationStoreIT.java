package dev.nectar.conversation;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcConversationStoreIT extends ConversationStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("conversations_it");

    @Override
    Database db() {
        return DB.get();
    }
}
