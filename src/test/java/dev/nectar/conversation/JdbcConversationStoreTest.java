package dev.nectar.conversation;

import dev.nectar.TestDatabases;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on the embedded database. */
class JdbcConversationStoreTest extends ConversationStoreContract {
    @TempDir
    static Path folder;
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.h2(folder);
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
