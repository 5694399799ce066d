package dev.nectar.knowledge;

import dev.nectar.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the index at run time: pgvector with PostgreSQL, the in-memory index over H2 when embedded. */
@ApplicationScoped
public class KnowledgeIndexProducer {

    @Produces
    @ApplicationScoped
    KnowledgeIndex knowledgeIndex(Database db) {
        return db.isPostgres() ? new PgVectorKnowledgeIndex(db) : new InMemoryKnowledgeIndex(db);
    }
}
