package dev.nectar.knowledge;

import dev.nectar.platform.Database;
import dev.nectar.platform.NectarConfig;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/** Real databases for store tests outside Quarkus: an H2 folder, or the PostgreSQL of NECTAR_TEST_DB_URL. */
final class TestDatabases {

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
        String url = System.getenv("NECTAR_TEST_DB_URL");
        String user = System.getenv().getOrDefault("NECTAR_TEST_DB_USER", "nectar");
        String password = System.getenv().getOrDefault("NECTAR_TEST_DB_PASSWORD", "nectar");
        if (fresh) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare schema " + schema, e);
            }
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        return new Database(config(Map.of("url", scoped, "user", user, "password", password)));
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
