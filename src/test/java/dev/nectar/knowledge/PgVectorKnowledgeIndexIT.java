package dev.nectar.knowledge;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract against pgvector on the PostgreSQL of NECTAR_TEST_DB_URL (NECTAR_TEST_DB_USER, NECTAR_TEST_DB_PASSWORD),
 * in a schema of its own that is emptied once per run.
 */
class PgVectorKnowledgeIndexIT extends KnowledgeIndexContract {
    private static final String SCHEMA = "nectar_knowledge_it";

    private Database db;
    private Database otherNodeDb;
    private KnowledgeIndex index;

    @BeforeAll
    static void freshSchema() {
        TestDatabase.openPostgres(SCHEMA, true).dataSource().close();
    }

    @BeforeEach
    void open() {
        db = TestDatabase.openPostgres(SCHEMA, false);
        index = new PgVectorKnowledgeIndex(db);
    }

    @AfterEach
    void close() {
        db.dataSource().close();
        if (otherNodeDb != null) {
            otherNodeDb.dataSource().close();
        }
    }

    @Override
    Database db() {
        return db;
    }

    @Override
    KnowledgeIndex index() {
        return index;
    }

    @Override
    KnowledgeIndex anotherNode() {
        otherNodeDb = TestDatabase.openPostgres(SCHEMA, false);
        return new PgVectorKnowledgeIndex(otherNodeDb);
    }

    @Override
    KnowledgeIndex restart() {
        db.dataSource().close();
        db = TestDatabase.openPostgres(SCHEMA, false);
        index = new PgVectorKnowledgeIndex(db);
        return index;
    }
}
