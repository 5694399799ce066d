package dev.nectar.images;

import dev.nectar.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production store's SQL on the embedded database (bytea in both vendors). */
class DatabaseImageStoreTest extends ImageStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.embedded();

    @Override
    ImageStore store() {
        return new DatabaseImageStore(DB.get());
    }
}
