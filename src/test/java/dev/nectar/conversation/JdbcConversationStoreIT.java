package dev.nectar.conversation;

import dev.nectar.TestDatabases;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the test PostgreSQL. */
class JdbcConversationStoreIT extends ConversationStoreContract {
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres("conversations_it", true);
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
