package dev.nectar.merchant;

import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator token: configured, or generated on first start and kept in {@code <data>/admin-token} (owner-only),
 * so it is never printed to the log.
 */
@Startup // the operator needs the generated token before the first request, not after it
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
            String token = Secrets.newToken("na_");
            Secrets.writePrivateFile(file, token + "\n");
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
