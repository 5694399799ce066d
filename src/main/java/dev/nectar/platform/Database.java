package dev.nectar.platform;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relational store of every feature: an embedded H2 file database under the data folder, or PostgreSQL when
 * {@code NECTAR_DB_URL} is set. Both are migrated by Flyway from {@code db/migration/<vendor>}; callers write
 * portable SQL and never know which one runs.
 */
@Startup
@ApplicationScoped
public class Database {
    private static final Logger LOG = Logger.getLogger(Database.class);

    private final AgroalDataSource dataSource;
    private final boolean postgres;

    public Database(NectarConfig config) {
        Optional<String> url = config.db().url().filter(u -> !u.isBlank());
        this.postgres = url.isPresent();
        String jdbcUrl = url.orElseGet(() -> embeddedUrl(config.dataDir()));
        Map<String, String> props = new HashMap<>();
        props.put(AgroalPropertiesReader.JDBC_URL, jdbcUrl);
        // named, not looked up in DriverManager: that misses drivers of another class loader (a second app in tests)
        props.put(AgroalPropertiesReader.PROVIDER_CLASS_NAME, postgres ? "org.postgresql.Driver" : "org.h2.Driver");
        props.put(AgroalPropertiesReader.MAX_SIZE, String.valueOf(config.db().maxPoolSize()));
        props.put(AgroalPropertiesReader.MIN_SIZE, "1");
        props.put(AgroalPropertiesReader.INITIAL_SIZE, "1");
        props.put(AgroalPropertiesReader.ACQUISITION_TIMEOUT_S, "10");
        // a restarted or fail-over database leaves dead connections in the pool: a connection that fails with a
        // connection-class error is discarded, and one idle for over 5 s is checked before it is lent again
        props.put(AgroalPropertiesReader.EXCEPTION_SORTER, postgres ? "PostgreSQL" : "fatal");
        props.put(AgroalPropertiesReader.CONNECTION_VALIDATOR, "default");
        props.put(AgroalPropertiesReader.IDLE_VALIDATION_S, "5");
        props.put(AgroalPropertiesReader.VALIDATE_ON_BORROW, "true");
        config.db().user().ifPresent(u -> props.put(AgroalPropertiesReader.PRINCIPAL, u));
        config.db().password().ifPresent(p -> props.put(AgroalPropertiesReader.CREDENTIAL, p));
        if (!postgres) {
            props.put(AgroalPropertiesReader.PRINCIPAL, "nectar");
            props.put(AgroalPropertiesReader.CREDENTIAL, "");
        }
        try {
            this.dataSource = AgroalDataSource.from(new AgroalPropertiesReader().readProperties(props).get());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
                .load()
                .migrate();
        LOG.infof("database ready: %s", postgres ? "PostgreSQL" : "embedded H2 under " + config.dataDir());
    }

    private static String embeddedUrl(String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Secrets.createPrivateDirectories(dir); // the database file holds the buyer-token secret
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the data folder " + dir, e);
        }
        // H2 2.4 reserves VALUE, a plain column name in PostgreSQL (settings.value)
        return "jdbc:h2:file:" + dir.resolve("nectar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE";
    }

    public boolean isPostgres() {
        return postgres;
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    @PreDestroy
    void close() {
        dataSource.close();
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, mapper, params);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant t) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(t));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** True when the failure is a unique-constraint violation (SQLState 23505 in H2 and PostgreSQL alike). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A database failure no caller can fix; the error mapper reports it as a plain 500. */
    public static class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super("store failure: " + cause.getSQLState(), cause);
        }
    }
}
