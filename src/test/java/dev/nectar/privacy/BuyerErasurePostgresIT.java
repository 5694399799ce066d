package dev.nectar.privacy;

import dev.nectar.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every erasure test of {@link BuyerErasureTest} again, with the server on PostgreSQL (image bytes in the database). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class BuyerErasurePostgresIT extends BuyerErasureTest {
}
