package dev.nectar.aftersales;

import dev.nectar.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The service tests, 50-way races included, against PostgreSQL: its unique constraints must hold like H2's. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AfterSaleServicePostgresIT extends AfterSaleServiceTest {
}
