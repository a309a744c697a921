package dev.mamori.vault.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The ciphertexts on disk: {@code <data-dir>/vault/files/<uuid>.mva}, written to a temporary file and moved
 * into place, so a crash never leaves half a file under a name the database knows.
 */
final class VaultStorage {

    private final Path dir;

    VaultStorage(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void write(String name, byte[] sealed) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload-", ".tmp");
            Files.write(tmp, sealed);
            Files.move(tmp, resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a vault file in " + dir, e);
        }
    }

    byte[] read(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vault file " + name, e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the vault file " + name, e);
        }
    }

    Path resolve(String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir)) {
            throw new IllegalArgumentException(name);
        }
        return p;
    }
}
