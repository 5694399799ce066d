package dev.nectar.handoff;

import dev.nectar.TestConfigs;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The store contract on the embedded H2 database. */
class JdbcHandoffStoreTest extends HandoffStoreContract {
    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void open() {
        db = new Database(TestConfigs.nectar(Map.of("data-dir", dir.toString())));
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
