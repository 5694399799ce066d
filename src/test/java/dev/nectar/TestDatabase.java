package dev.nectar;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Real databases for store tests outside Quarkus: an H2 folder, or the PostgreSQL of NECTAR_TEST_DB_URL. Opened
 * directly ({@link #openH2}, {@link #openPostgres}), or before a test class and closed after it:
 * {@code @RegisterExtension static final TestDatabase DB = TestDatabase.embedded();} (or {@code postgres("schema")}),
 * so the H2 and PostgreSQL runs of a store contract differ in that one line.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
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

    private final Supplier<Database> opener;
    private Database db;

    private TestDatabase(Supplier<Database> opener) {
        this.opener = opener;
    }

    /** H2 in a fresh folder under target/. */
    public static TestDatabase embedded() {
        return new TestDatabase(() -> {
            try {
                Files.createDirectories(Path.of("target"));
                return openH2(Files.createTempDirectory(Path.of("target"), "store-test-"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The test PostgreSQL, in this schema emptied first. */
    public static TestDatabase postgres(String schema) {
        return new TestDatabase(() -> openPostgres(schema, true));
    }

    /** The embedded database in this folder, migrated. */
    public static Database openH2(Path folder) {
        return new Database(TestConfigs.nectar(Map.of("data-dir", folder.toString())));
    }

    /** The test PostgreSQL in a schema of its own, emptied first when {@code fresh} (else as another node sees it). */
    public static Database openPostgres(String schema, boolean fresh) {
        if (fresh) {
            TestPostgres.recreateSchema(schema);
        }
        return new Database(TestConfigs.nectar(TestPostgres.dbConfig(schema)));
    }

    public Database get() {
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        db = opener.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (db != null) {
            db.dataSource().close();
        }
    }
}
