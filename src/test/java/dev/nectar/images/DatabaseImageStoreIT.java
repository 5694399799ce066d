package dev.nectar.images;

import dev.nectar.TestDatabases;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The production store against real PostgreSQL, in a schema of its own so other suites' migrations do not mix. */
class DatabaseImageStoreIT extends ImageStoreContract {
    private static final String SCHEMA = "images_it";
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
    ImageStore store() {
        return new DatabaseImageStore(db);
    }
}
