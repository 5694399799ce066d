package dev.nectar;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the application under test on the test PostgreSQL, in a schema emptied for the run. One profile for every
 * such test class, so Quarkus boots the application once for all of them.
 */
public class PostgresProfile implements QuarkusTestProfile {
    private static final String SCHEMA = "app_it";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        TestPostgres.recreateSchema(SCHEMA);
        TestPostgres.dbConfig(SCHEMA).forEach((k, v) -> overrides.put("nectar." + k, v));
        return overrides;
    }
}
