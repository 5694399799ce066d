package dev.nectar.merchant;

import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The operator token: configured, or generated on first start and kept in {@code <data>/admin-token} (owner-only),
 * so it is never printed to the log.
 */
@ApplicationScoped
public class AdminToken {
    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    private final String value;

    public AdminToken(NectarConfig config) {
        this.value = config.adminToken().filter(t -> !t.isBlank()).orElseGet(() -> fromFile(Path.of(config.dataDir(), "admin-token")));
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String token = Secrets.newToken("na_");
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own protection applies
            }
            LOG.infof("NECTAR_ADMIN_TOKEN is not set: generated an operator token in %s", file.toAbsolutePath());
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the operator token file " + file, e);
        }
    }

    public String value() {
        return value;
    }
}
