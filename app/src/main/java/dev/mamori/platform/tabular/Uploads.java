package dev.mamori.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.mamori.platform.MamoriProperties;

/**
 * Uploaded files kept between a preview and its apply, under {@code <data dir>/imports/} (a module may
 * use a sub-folder of its own). Keeping a file digests it (SHA-256) while copying; a file kept inside a
 * transaction that rolls back is deleted again.
 */
@Component
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Path root;

    Uploads(MamoriProperties mamori) {
        this.root = mamori.dataDir().resolve("imports").toAbsolutePath().normalize();
    }

    /**
     * A kept upload.
     *
     * @param fileName the name the user gave, without folders and at most 200 characters (may be null)
     * @param charset  the encoding a CSV file is read with (asked for, or detected); null for XLSX
     */
    public record Kept(Path file, String fileName, String sha256, long size, TableReader.Format format, Charset charset) {

        /** {@code UTF-8} or {@code Shift_JIS} for CSV, null for XLSX: what a preview records and reads again with. */
        public String encoding() {
            return charset == null ? null : Encodings.label(charset);
        }
    }

    /** Where the upload with this id is kept; {@code area} is a sub-folder, or null for the top folder. */
    public Path fileOf(String area, UUID id) {
        Path folder = area == null ? root : root.resolve(area);
        return folder.resolve(id + ".upload");
    }

    /**
     * Copies the upload to {@link #fileOf}, digesting it on the way, and tells CSV from XLSX. {@code encoding}
     * is the one asked for ({@link Encodings#named}); blank or {@code auto} detects it.
     */
    public Kept keep(String area, UUID id, String fileName, InputStream content, String encoding) {
        Charset requested = Encodings.named(encoding).orElse(null);
        Path file = fileOf(area, id);
        try {
            Files.createDirectories(file.getParent());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                size = content.transferTo(out);
            }
            deleteUnlessCommitted(file);
            TableReader.Format format = TableReader.Format.of(file);
            Charset charset = format == TableReader.Format.XLSX ? null
                    : requested != null ? requested : Encodings.detect(file);
            return new Kept(file, clean(fileName), HexFormat.of().formatHex(sha.digest()), size, format, charset);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("Could not keep the upload in " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the file once the current transaction has committed (an applied upload is not needed again). */
    public static void deleteAfterCommit(Path file) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(file);
            }
        });
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file, e);
        }
    }

    private static void deleteUnlessCommitted(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(file);
                    }
                }
            });
        }
    }

    private static String clean(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
