package dev.nectar;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A migrated database opened before a store test class and closed after it:
 * {@code @RegisterExtension static final TestDatabase DB = TestDatabase.embedded();} (or {@code postgres("schema")}),
 * so the H2 and PostgreSQL runs of a store contract differ in that one line.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
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
                return TestDatabases.h2(Files.createTempDirectory(Path.of("target"), "store-test-"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The test PostgreSQL, in this schema emptied first. */
    public static TestDatabase postgres(String schema) {
        return new TestDatabase(() -> TestDatabases.postgres(schema, true));
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
