package dev.nectar.handoff;

import dev.nectar.TestDatabases;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on real PostgreSQL, in a schema of its own so other suites' migrations do not mix. */
class JdbcHandoffStoreIT extends HandoffStoreContract {
    private static final String SCHEMA = "handoff_it";
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres(SCHEMA, true);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.dataSource().close();
        }
    }

    @Override
    Database db() {
        return db;
    }
}
