package dev.mamori.vault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.Markers;

/**
 * {@code java -jar mamori.jar vault identify FILE [--offline]}: reads the fingerprint of a (leaked) file and
 * tells whose copy it was and when it was issued. Without {@code --offline} it starts Mamori without its web
 * server against the configured database (same {@code MAMORI_DATA_DIR} / {@code MAMORI_DB_URL} as the server;
 * with the embedded database the server must be stopped first, or use the upload form instead) and looks the
 * fingerprint up; the lookup is recorded in the ledger. Exit codes: 0 found, 1 nothing found, 2 wrong usage.
 */
public final class VaultCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.of("Asia/Tokyo"));

    private VaultCommand() {
    }

    /** The lookup that starts the application (non-web), asks the vault and closes it again. */
    public static Function<String, Optional<CopyView>> bootLookup(Supplier<ConfigurableApplicationContext> start) {
        return fingerprint -> {
            try (ConfigurableApplicationContext context = start.get()) {
                return context.getBean(Vault.class).copyOfFingerprint(fingerprint);
            }
        };
    }

    public static int run(String[] args, PrintStream out, Function<String, Optional<CopyView>> lookup) {
        if (args.length < 2 || !"identify".equals(args[0])) {
            out.println("usage: mamori vault identify FILE [--offline]");
            return 2;
        }
        Path file = Path.of(args[1]);
        boolean offline = args.length > 2 && "--offline".equals(args[2]);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        FileFormat format = FileFormat.of(bytes);
        Optional<String> fingerprint = Markers.fingerprintOf(bytes);
        out.println("file:        " + file);
        out.println("format:      " + format);
        if (fingerprint.isEmpty()) {
            out.println("fingerprint: none found (re-saved images, prints and photos lose it; read the visible mark)");
            return 1;
        }
        out.println("fingerprint: " + fingerprint.get());
        if (offline) {
            return 0;
        }
        Optional<CopyView> copy = lookup.apply(fingerprint.get());
        if (copy.isEmpty()) {
            out.println("copy:        no issued copy has this fingerprint");
            return 1;
        }
        CopyView c = copy.get();
        out.println("recipient:   " + c.recipientName() + " (employee no. " + (c.employeeNumber() == null ? "-" : c.employeeNumber())
                + ", person " + c.personId() + ")");
        out.println("issued at:   " + TIME.format(c.issuedAt()) + " (Asia/Tokyo) by " + c.issuedByName());
        out.println("document:    " + c.documentTitle() + " (document " + c.documentId() + ", version " + c.versionNumber()
                + ", information asset " + c.assetId() + ")");
        out.println("copy:        No." + c.copyNumber() + " (" + c.kind() + ")");
        return 0;
    }
}
