package dev.nectar.conversation;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the embedded database. */
class JdbcConversationStoreTest extends ConversationStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.embedded();

    @Override
    Database db() {
        return DB.get();
    }
}
