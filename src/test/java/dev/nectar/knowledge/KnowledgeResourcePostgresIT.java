package dev.nectar.knowledge;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Every API test of {@link KnowledgeResourceTest} again, with the server on PostgreSQL and pgvector. */
@QuarkusTest
@TestProfile(PostgresKnowledgeProfile.class)
@EnabledIfEnvironmentVariable(named = "NECTAR_TEST_DB_URL", matches = ".+")
class KnowledgeResourcePostgresIT extends KnowledgeResourceTest {
}
