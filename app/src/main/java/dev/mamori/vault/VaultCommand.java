package dev.mamori.vault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.Markers;

/**
 * {@code java -jar mamori.jar vault identify FILE [--offline]}: reads the fingerprints of a (leaked) file and
 * tells whose copies they were and when they were issued, the most recently issued first: that copy is the
 * likely source, earlier ones usually come from versions built on earlier copies (a marked copy edited and
 * uploaded again keeps its hidden fingerprint when the new version is marked for someone else). Without
 * {@code --offline} it starts Mamori without its web server against the configured database (same
 * {@code MAMORI_DATA_DIR} / {@code MAMORI_DB_URL} as the server; with the embedded database the server must be
 * stopped first, or use the upload form instead) and looks the fingerprints up; the lookup is recorded in the
 * ledger. Exit codes: 0 found, 1 nothing found, 2 wrong usage.
 */
public final class VaultCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.of("Asia/Tokyo"));

    private VaultCommand() {
    }

    /** The lookup that starts the application (non-web), asks the vault once and closes it again. */
    public static Function<List<String>, List<Identification.Match>> bootLookup(Supplier<ConfigurableApplicationContext> start) {
        return fingerprints -> {
            try (ConfigurableApplicationContext context = start.get()) {
                return context.getBean(Vault.class).copiesOfFingerprints(fingerprints);
            }
        };
    }

    public static int run(String[] args, PrintStream out, Function<List<String>, List<Identification.Match>> lookup) {
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
        List<String> fingerprints = Markers.fingerprintsOf(bytes);
        out.println("file:        " + file);
        out.println("format:      " + format);
        if (fingerprints.isEmpty()) {
            out.println("fingerprint: none found (re-saved images, prints and photos lose it; read the visible mark)");
            return 1;
        }
        fingerprints.forEach(f -> out.println("fingerprint: " + f));
        if (offline) {
            return 0;
        }
        List<Identification.Match> matches = lookup.apply(fingerprints);
        if (matches.isEmpty()) {
            out.println("copy:        no issued copy has " + (fingerprints.size() == 1 ? "this fingerprint" : "these fingerprints"));
            return 1;
        }
        if (matches.size() > 1) {
            out.println("copies:      " + matches.size() + " issued copies, most recently issued first. The most recent issue is"
                    + " the likely source; earlier ones usually come from versions built on earlier copies.");
        }
        for (int i = 0; i < matches.size(); i++) {
            CopyView c = matches.get(i).copy();
            if (matches.size() > 1) {
                out.println();
                out.println(i == 0 ? "[1] likely source" : "[" + (i + 1) + "] earlier copy");
            }
            out.println("recipient:   " + c.recipientName() + " (employee no. " + (c.employeeNumber() == null ? "-" : c.employeeNumber())
                    + ", person " + c.personId() + ")");
            out.println("issued at:   " + TIME.format(c.issuedAt()) + " (Asia/Tokyo) by " + c.issuedByName());
            out.println("document:    " + c.documentTitle() + " (document " + c.documentId() + ", version " + c.versionNumber()
                    + ", information asset " + c.assetId() + ")");
            out.println("copy:        No." + c.copyNumber() + " (" + c.kind() + ", fingerprint " + matches.get(i).fingerprint() + ")");
        }
        return 0;
    }
}
