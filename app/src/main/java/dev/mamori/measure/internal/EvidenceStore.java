package dev.mamori.measure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.mamori.platform.MamoriProperties;

/**
 * Evidence files under {@code <data dir>/measure/<selection id>/}, named by a random id so uploaded names
 * never become paths; the SHA-256 is computed while the file is written.
 */
@Component
class EvidenceStore {

    record Stored(String relativePath, String sha256, long size) {
    }

    private final Path root;
    private final Path dataDir;

    EvidenceStore(MamoriProperties properties) {
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.root = dataDir.resolve("measure");
    }

    Stored store(long selectionId, InputStream content) {
        try {
            Path dir = root.resolve(Long.toString(selectionId));
            Files.createDirectories(dir);
            Path target = dir.resolve(UUID.randomUUID() + ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
                size = content.transferTo(out);
            }
            return new Stored(dataDir.relativize(target).toString(), HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path resolve(String relativePath) {
        Path p = dataDir.resolve(relativePath).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("outside the evidence folder: " + relativePath);
        }
        return p;
    }
}
