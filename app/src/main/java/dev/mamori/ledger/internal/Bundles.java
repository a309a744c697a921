package dev.mamori.ledger.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.verify.BundleVerifier;
import dev.mamori.ledger.verify.Jcs;

/**
 * Evidence bundles: the entries a query selects, with everything needed to verify them without Mamori
 * (layout in docs/ledger.md; {@link BundleVerifier} checks them). Exporting is itself recorded
 * ({@code ledger.bundle.exported}) before the checkpoint the bundle proves against is made, so that
 * checkpoint covers the export too.
 */
@Service
public class Bundles {

    /** At most this many entries per bundle; narrow the query for more. */
    public static final int MAX_ENTRIES = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    public record Bundle(String id, byte[] zip, int entries, long treeSize) {
    }

    private final JdbcLedger ledger;
    private final Checkpoints checkpoints;
    private final Timestamps timestamps;
    private final Proofs proofs;
    private final Clock clock;

    Bundles(JdbcLedger ledger, Checkpoints checkpoints, Timestamps timestamps, Proofs proofs, ObjectProvider<Clock> clock) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.timestamps = timestamps;
        this.proofs = proofs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Exports the selected entries; IllegalArgumentException when none or too many match. */
    public Bundle export(LedgerQuery query) {
        List<LedgerEntry> entries = ledger.select(query, MAX_ENTRIES + 1);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("ledger.bundle.empty");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("ledger.bundle.tooMany");
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> recorded = queryJson(query);
        recorded.put("entries", entries.size());
        recorded.put("firstSeq", entries.get(0).seq());
        recorded.put("lastSeq", entries.get(entries.size() - 1).seq());
        ledger.record("ledger.bundle.exported", Subject.of("ledger-bundle", id), recorded);

        Checkpoints.Checkpoint latest = checkpoints.create();
        // the earliest checkpoint covering each entry (its stamp dates the entry), and the latest
        TreeMap<Long, Checkpoints.Checkpoint> included = new TreeMap<>();
        included.put(latest.treeSize(), latest);
        Checkpoints.Checkpoint covering = null;
        for (LedgerEntry e : entries) {
            if (covering == null || covering.treeSize() < e.seq()) {
                covering = checkpoints.firstCovering(e.seq()).orElse(latest);
                included.put(covering.treeSize(), covering);
            }
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.md", BundleReadme.text(latest.treeSize(), timestamps.builtIn()));
            put(zip, "manifest.json", Jcs.canonical(manifest(query, id, entries.size(), latest, included)) + "\n");
            put(zip, "verifier-key.txt", checkpoints.verifierKey() + "\n");
            StringBuilder lines = new StringBuilder();
            StringBuilder inclusion = new StringBuilder();
            for (LedgerEntry e : entries) {
                lines.append(e.canonical()).append('\n');
                Proofs.Inclusion p = proofs.path(e.seq(), latest.treeSize());
                Map<String, Object> proof = new LinkedHashMap<>();
                proof.put("seq", e.seq());
                proof.put("leafIndex", p.leafIndex());
                proof.put("treeSize", p.treeSize());
                proof.put("leafHash", HEX.formatHex(p.leafHash()));
                proof.put("proof", p.proof().stream().map(HEX::formatHex).toList());
                inclusion.append(Jcs.canonical(proof)).append('\n');
            }
            put(zip, "entries.jsonl", lines.toString());
            put(zip, "proofs/inclusion.jsonl", inclusion.toString());
            StringBuilder consistency = new StringBuilder();
            Long previous = null;
            for (long size : included.keySet()) {
                if (previous != null) {
                    Proofs.Consistency c = proofs.consistency(previous, size);
                    Map<String, Object> proof = new LinkedHashMap<>();
                    proof.put("size1", c.size1());
                    proof.put("size2", c.size2());
                    proof.put("proof", c.proof().stream().map(HEX::formatHex).toList());
                    consistency.append(Jcs.canonical(proof)).append('\n');
                }
                previous = size;
            }
            put(zip, "proofs/consistency.jsonl", consistency.toString());
            for (Checkpoints.Checkpoint c : included.values()) {
                put(zip, "checkpoints/" + c.treeSize() + ".note", c.note());
                var stamp = timestamps.stamp(c);
                if (stamp.isPresent()) {
                    zip.putNextEntry(new ZipEntry("checkpoints/" + c.treeSize() + ".tsr"));
                    zip.write(stamp.get().response());
                    zip.closeEntry();
                }
            }
            if (!timestamps.trustAnchors().isEmpty()) {
                put(zip, "tsa/ca.pem", pem(timestamps.trustAnchors()));
            }
            if (timestamps.builtInTsaCertificate().isPresent()) {
                put(zip, "tsa/tsa.pem", pem(List.of(timestamps.builtInTsaCertificate().get())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bundle(id, bytes.toByteArray(), entries.size(), latest.treeSize());
    }

    private Map<String, Object> manifest(LedgerQuery query, String id, int count, Checkpoints.Checkpoint latest,
                                         TreeMap<Long, Checkpoints.Checkpoint> included) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", BundleVerifier.FORMAT);
        m.put("id", id);
        m.put("origin", checkpoints.origin());
        m.put("exportedAt", Instant.now(clock).toString());
        m.put("query", queryJson(query));
        m.put("entries", count);
        m.put("treeSize", latest.treeSize());
        m.put("checkpoints", new ArrayList<>(included.keySet()));
        Map<String, Object> tsa = new LinkedHashMap<>();
        tsa.put("builtIn", timestamps.builtIn());
        tsa.put("url", timestamps.tsaUrl());
        tsa.put("notice", timestamps.builtIn()
                ? "Mamori built-in TSA: NOT an accredited third party / Mamori 内蔵TSA: 認定された第三者ではありません"
                : "external TSA / 外部のタイムスタンプ局");
        tsa.put("imprint", "SHA-256 of checkpoints/<size>.note (the whole signed note)");
        m.put("tsa", tsa);
        return m;
    }

    private static Map<String, Object> queryJson(LedgerQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subjectType", q.subjectType());
        m.put("subjectId", q.subjectId());
        m.put("actor", q.actor());
        m.put("action", q.action());
        m.put("from", q.from() == null ? null : q.from().toString());
        m.put("to", q.to() == null ? null : q.to().toString());
        return m;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String pem(List<X509Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }
}
