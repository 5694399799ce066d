package dev.nectar;

import dev.nectar.platform.Database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/** Real databases for store tests outside Quarkus: an H2 folder, or the PostgreSQL of NECTAR_TEST_DB_URL. */
public final class TestDatabases {
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
    public static Database h2(Path folder) {
        return new Database(TestConfigs.nectar(Map.of("data-dir", folder.toString())));
    }

    /** The test PostgreSQL in a schema of its own, emptied first when {@code fresh} (else as another node sees it). */
    public static Database postgres(String schema, boolean fresh) {
        if (fresh) {
            TestPostgres.recreateSchema(schema);
        }
        return new Database(TestConfigs.nectar(TestPostgres.dbConfig(schema)));
    }
}
