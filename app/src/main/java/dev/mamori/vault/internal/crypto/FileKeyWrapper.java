package dev.mamori.vault.internal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import dev.mamori.vault.KeyWrapper;

/**
 * The default {@link KeyWrapper}: a 256-bit master key in {@code <data-dir>/vault/master.key}, created on first
 * start readable and writable by the owner only (on POSIX file systems). Data keys are sealed under it with
 * AES-256-GCM, bound to the key id. Keep the key file out of database backups: whoever holds both can read
 * every stored document.
 */
public final class FileKeyWrapper implements KeyWrapper {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] master;
    private final String keyId;

    public FileKeyWrapper(Path file) {
        this.master = loadOrCreate(file);
        this.keyId = "file:" + HexFormat.of().formatHex(sha256(master), 0, 8);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        return Aead.seal(master, dataKey, "mamori-vault-data-key:" + keyId);
    }

    @Override
    public byte[] unwrap(String id, byte[] wrapped) {
        if (!keyId.equals(id)) {
            throw new IllegalStateException("data key wrapped by master key " + id + ", not by " + keyId);
        }
        return Aead.open(master, wrapped, "mamori-vault-data-key:" + keyId);
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != 32) {
                    throw new IllegalStateException("the vault master key " + file + " must hold 32 bytes");
                }
                return key;
            }
            Files.createDirectories(file.getParent());
            byte[] key = Aead.newKey();
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return loadOrCreate(file);
            }
            Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault master key " + file, e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
