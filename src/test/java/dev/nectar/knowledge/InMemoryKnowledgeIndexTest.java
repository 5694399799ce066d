package dev.nectar.knowledge;

import dev.nectar.TestDatabase;
import dev.nectar.platform.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract against the embedded index over a real H2 file database. */
class InMemoryKnowledgeIndexTest extends KnowledgeIndexContract {
    @TempDir
    Path folder;

    private Database db;
    private KnowledgeIndex index;

    @BeforeEach
    void open() {
        db = TestDatabase.openH2(folder);
        index = new InMemoryKnowledgeIndex(db);
    }

    @AfterEach
    void close() {
        db.dataSource().close();
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
        return new InMemoryKnowledgeIndex(db);
    }

    @Override
    KnowledgeIndex restart() {
        db.dataSource().close();
        db = TestDatabase.openH2(folder);
        index = new InMemoryKnowledgeIndex(db);
        return index;
    }
}
