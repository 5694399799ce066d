package dev.nectar.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateFileAndTheFoldersItNeedsAreOwnerOnly() throws IOException {
        Path file = dir.resolve("data/nested/secret.txt");

        Secrets.writePrivateFile(file, "first\n");
        Secrets.writePrivateFile(file, "second\n");

        assertThat(file).hasContent("second");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("data/nested"))).isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void anExistingFolderKeepsItsPermissions() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        Secrets.writePrivateFile(shared.resolve("token"), "t");

        assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(shared.resolve("token"))).isEqualTo("rw-------");
    }

    @Test
    void bearerTakesTheTokenOfAnAuthorizationHeader() {
        assertThat(Secrets.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(Secrets.bearer("bearer  abc ")).isEqualTo("abc");
        assertThat(Secrets.bearer("Basic abc")).isNull();
        assertThat(Secrets.bearer("Bearer ")).isNull();
        assertThat(Secrets.bearer(null)).isNull();
    }

    @Test
    void newTokensAreDistinctAndCarryTheirPrefix() {
        assertThat(Secrets.newToken("nk_")).startsWith("nk_").hasSize(3 + 43).isNotEqualTo(Secrets.newToken("nk_"));
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
