package dev.nectar.handoff;

import dev.nectar.TestConfigs;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The store contract on real PostgreSQL, in a schema of its own so other suites' migrations do not mix. */
class JdbcHandoffStoreIT extends HandoffStoreContract {
    private static final String SCHEMA = "handoff_it";
    private static Database db;

    @BeforeAll
    static void open() throws Exception {
        String url = System.getenv("NECTAR_TEST_DB_URL");
        assumeTrue(url != null && !url.isBlank(), "NECTAR_TEST_DB_URL is not set");
        String user = System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
        String password = System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
        try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public"; // public holds the pgvector type
        db = new Database(TestConfigs.nectar(Map.of("db.url", schemaUrl, "db.user", user, "db.password", password)));
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
