package dev.nectar.knowledge;

import dev.nectar.platform.Database;
import dev.nectar.platform.NectarConfig;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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
        return new Database(config(Map.of("dataDir", folder.toString())));
    }

    /** True when NECTAR_TEST_DB_URL names a PostgreSQL to test against. */
    static boolean postgresConfigured() {
        return System.getenv("NECTAR_TEST_DB_URL") != null;
    }

    /**
     * PostgreSQL in a schema of its own, emptied first, so this test neither sees nor disturbs other tests' tables
     * (pgvector itself stays in public, where the superuser installed it).
     */
    static Database postgres(String schema, boolean fresh) {
        if (fresh) {
            recreateSchema(schema);
        }
        return new Database(config(Map.of("url", scopedUrl(schema), "user", user(), "password", password())));
    }

    /** Drops and creates the schema. The driver is called directly: DriverManager misses it under Quarkus's class loader. */
    static void recreateSchema(String schema) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user());
        credentials.setProperty("password", password());
        try (Connection c = new org.postgresql.Driver().connect(System.getenv("NECTAR_TEST_DB_URL"), credentials);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema, e);
        }
    }

    /** NECTAR_TEST_DB_URL with the schema first on the search path (pgvector's type stays reachable in public). */
    static String scopedUrl(String schema) {
        String url = System.getenv("NECTAR_TEST_DB_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    static String user() {
        return System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
    }

    static String password() {
        return System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
    }

    /** A NectarConfig answering only what Database reads; a proxy, so keys added later need no change here. */
    private static NectarConfig config(Map<String, String> values) {
        Object db = Proxy.newProxyInstance(NectarConfig.class.getClassLoader(), new Class<?>[]{NectarConfig.Db.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "url", "user", "password" -> Optional.ofNullable(values.get(method.getName()));
                    case "maxPoolSize" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (NectarConfig) Proxy.newProxyInstance(NectarConfig.class.getClassLoader(), new Class<?>[]{NectarConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dataDir" -> values.getOrDefault("dataDir", "target/unused");
                    case "db" -> db;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
