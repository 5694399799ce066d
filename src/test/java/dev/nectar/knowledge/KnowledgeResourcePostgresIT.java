package dev.nectar.knowledge;

import dev.nectar.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every API test of {@link KnowledgeResourceTest} again, with the server on PostgreSQL and pgvector. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class KnowledgeResourcePostgresIT extends KnowledgeResourceTest {
}
