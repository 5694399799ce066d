package dev.nectar.images;

import dev.nectar.platform.Database;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.nio.file.Path;

/** Files under the data folder when embedded, the database when PostgreSQL runs (nodes share no disk). */
@ApplicationScoped
public class ImageStoreProducer {

    @Produces
    @ApplicationScoped
    ImageStore imageStore(Database db, NectarConfig config) {
        return db.isPostgres() ? new DatabaseImageStore(db) : new FileImageStore(Path.of(config.dataDir(), "images"));
    }
}
