package dev.nectar.knowledge;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Runs the application on the PostgreSQL of NECTAR_TEST_DB_URL, in a schema of its own emptied for each run. */
public class PostgresKnowledgeProfile implements QuarkusTestProfile {
    private static final String SCHEMA = "nectar_knowledge_app_it";

    @Override
    public Map<String, String> getConfigOverrides() {
        TestDatabases.recreateSchema(SCHEMA);
        return Map.of("nectar.db.url", TestDatabases.scopedUrl(SCHEMA), "nectar.db.user", TestDatabases.user(),
                "nectar.db.password", TestDatabases.password());
    }
}
