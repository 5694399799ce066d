package dev.nectar.images;

import dev.nectar.platform.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Embedded store: {@code <data>/images/<merchant>/<buyer hash>/<imageId>}. Buyer ids may hold any printable
 * character, so their folder is a hash; merchant and image ids are validated to be path-safe.
 */
public class FileImageStore implements ImageStore {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path root;

    public FileImageStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String merchantId, String buyerId, String imageId, byte[] bytes) {
        Path file = file(merchantId, buyerId, imageId);
        try {
            Secrets.createPrivateDirectories(file.getParent()); // inside the private data folder
            Path tmp = Files.createTempFile(file.getParent(), imageId, ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + imageId, e);
        }
    }

    @Override
    public Optional<byte[]> get(String merchantId, String buyerId, String imageId) {
        try {
            return Optional.of(Files.readAllBytes(file(merchantId, buyerId, imageId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + imageId, e);
        }
    }

    @Override
    public void delete(String merchantId, String buyerId, String imageId) {
        try {
            Files.deleteIfExists(file(merchantId, buyerId, imageId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete image " + imageId, e);
        }
    }

    private Path file(String merchantId, String buyerId, String imageId) {
        if (!SAFE.matcher(merchantId).matches() || !SAFE.matcher(imageId).matches()) {
            throw new IllegalArgumentException("unsafe image path");
        }
        return root.resolve(merchantId).resolve(Secrets.sha256(buyerId).substring(0, 24)).resolve(imageId);
    }
}
