package dev.nectar.knowledge;

import dev.nectar.TestConfigs;
import dev.nectar.TestPostgres;
import dev.nectar.platform.Database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/** Real databases for store tests outside Quarkus: an H2 folder, or the PostgreSQL of NECTAR_TEST_DB_URL. */
final class TestDatabases {
    static {
        // after a @QuarkusTest in the same JVM, DriverManager no longer finds drivers by itself; register them here
        org.h2.Driver.load();
        try {
            if (!org.postgresql.Driver.isRegistered()) {
                org.postgresql.Driver.register();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestDatabases() {
    }

    /** The embedded database in this folder, migrated. */
    static Database h2(Path folder) {
        return new Database(TestConfigs.nectar(Map.of("data-dir", folder.toString())));
    }

    /** PostgreSQL in a schema of its own, emptied first when {@code fresh}. */
    static Database postgres(String schema, boolean fresh) {
        return fresh ? TestPostgres.freshDatabase(schema) : TestPostgres.database(schema);
    }
}
