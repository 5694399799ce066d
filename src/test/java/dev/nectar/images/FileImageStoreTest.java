package dev.nectar.images;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileImageStoreTest extends ImageStoreContract {
    @TempDir
    Path dir;

    @Override
    ImageStore store() {
        return new FileImageStore(dir);
    }

    @Test
    void idsCannotEscapeTheFolder() {
        assertThatThrownBy(() -> store().put("../etc", "b", "img_x", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get("shop", "b", "../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
