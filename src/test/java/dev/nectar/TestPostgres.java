package dev.nectar;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL of NECTAR_TEST_DB_URL / _USER / _PASSWORD (started by scripts/services.sh), in schemas of each
 * test's own, so that tests neither see nor disturb each other's tables. pgvector stays in {@code public}, where the
 * superuser installed it.
 */
public final class TestPostgres {
    private TestPostgres() {
    }

    public static String url() {
        String url = System.getenv("NECTAR_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set NECTAR_TEST_DB_URL (jdbc:postgresql://...) to run the PostgreSQL tests; scripts/test.sh does");
        }
        return url;
    }

    public static String user() {
        return System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
    }

    public static String password() {
        return System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
    }

    /** Drops and creates the schema. The driver is called directly: DriverManager misses it under Quarkus's class loader. */
    public static void recreateSchema(String schema) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user());
        credentials.setProperty("password", password());
        try (Connection c = new org.postgresql.Driver().connect(url(), credentials); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema, e);
        }
    }

    /** The test database URL with the schema first on the search path (pgvector's type stays reachable in public). */
    public static String scopedUrl(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    /** The keys of {@code nectar.db} (without the prefix) for the schema. */
    public static Map<String, String> dbConfig(String schema) {
        return Map.of("db.url", scopedUrl(schema), "db.user", user(), "db.password", password());
    }

    /** The environment that runs a server process on a fresh, empty schema. */
    public static Map<String, String> freshNodeEnv(String schema) {
        recreateSchema(schema);
        return Map.of("NECTAR_DB_URL", scopedUrl(schema), "NECTAR_DB_USER", user(), "NECTAR_DB_PASSWORD", password());
    }
}
