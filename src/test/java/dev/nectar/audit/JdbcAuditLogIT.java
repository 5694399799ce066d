package dev.nectar.audit;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the test PostgreSQL. */
class JdbcAuditLogIT extends AuditLogContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("audit_it");

    @Override
    Database db() {
        return DB.get();
    }
}
