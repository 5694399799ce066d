package dev.nectar.images;

import dev.nectar.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production store against real PostgreSQL, in a schema of its own. */
class DatabaseImageStoreIT extends ImageStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres("images_it");

    @Override
    ImageStore store() {
        return new DatabaseImageStore(DB.get());
    }
}
