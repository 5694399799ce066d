package dev.nectar.aftersales;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the application on the PostgreSQL of NECTAR_TEST_DB_URL / _USER / _PASSWORD, in a schema of its own so that
 * this branch's migrations never meet another feature's in one Flyway history.
 */
public class PostgresSchemaProfile implements QuarkusTestProfile {
    private static final String SCHEMA = "aftersales_it";

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = System.getenv("NECTAR_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set NECTAR_TEST_DB_URL (jdbc:postgresql://...) to run the PostgreSQL tests");
        }
        String user = System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
        String password = System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        // the driver directly: DriverManager does not see it from the test class loader
        try (var c = new org.postgresql.Driver().connect(url, credentials); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + SCHEMA + ": " + e.getMessage(), e);
        }
        return Map.of("nectar.db.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public",
                "nectar.db.user", user, "nectar.db.password", password);
    }
}
