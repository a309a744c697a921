package dev.mamori.ledger.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Verifies a Mamori evidence bundle (format {@code mamori-evidence-bundle/1}, see docs/ledger.md) with nothing but
 * its own contents and, optionally, a verifier key the user trusts:
 * <ol>
 * <li>every checkpoint's Ed25519 signature, with the bundle's verifier key (and the trusted key, when given);</li>
 * <li>every checkpoint's RFC 3161 time-stamp: granted, imprint = SHA-256 of the checkpoint file's bytes (the
 * whole signed note), signature, and the TSA certificate's chain to the bundle's {@code tsa/ca.pem};</li>
 * <li>consistency between consecutive checkpoints (each earlier tree is a prefix of the later one);</li>
 * <li>every entry: its line is canonical JSON (RFC 8785), its leaf hash SHA-256(0x00 ‖ line) matches its inclusion
 * proof, and the proof leads to the root of the latest checkpoint.</li>
 * </ol>
 */
public final class BundleVerifier {

    public static final String FORMAT = "mamori-evidence-bundle/1";
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX")
            .withZone(ZoneId.of("Asia/Tokyo"));

    /** One line of the verdict. */
    public record Check(boolean holds, String ja, String en) {

        @Override
        public String toString() {
            return (holds ? "[OK] " : "[NG] ") + ja + " / " + en;
        }
    }

    /** The bundle cannot be read at all (bad input rather than a failed check). */
    public static final class BadBundle extends Exception {
        public BadBundle(String message) {
            super(message);
        }
    }

    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private BundleVerifier() {
    }

    public static List<Check> verify(byte[] zip, String trustedKey, List<String> notes) throws BadBundle {
        BundleVerifier v = new BundleVerifier();
        v.run(unzip(zip), trustedKey);
        notes.addAll(v.notes);
        return v.checks;
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws BadBundle {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), readAll(in));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BadBundle("ZIP ファイルとして読めません / not a readable ZIP file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new BadBundle("ZIP ファイルとして読めません / not a readable ZIP file");
        }
        return files;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private void check(boolean holds, String ja, String en) {
        checks.add(new Check(holds, ja, en));
    }

    private static String text(Map<String, byte[]> files, String name) throws BadBundle {
        byte[] b = files.get(name);
        if (b == null) {
            throw new BadBundle(name + " がありません / " + name + " is missing");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private void run(Map<String, byte[]> files, String trustedKey) throws BadBundle {
        Map<String, Object> manifest;
        try {
            manifest = Json.object(text(files, "manifest.json"));
        } catch (IllegalArgumentException e) {
            throw new BadBundle("manifest.json を読めません / cannot read manifest.json: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.get("format"))) {
            throw new BadBundle("証拠パッケージの形式ではありません / not a " + FORMAT + " bundle");
        }
        String origin = String.valueOf(manifest.get("origin"));
        long latestSize = manifest.get("treeSize") instanceof Long l ? l : -1;
        String bundleKey = text(files, "verifier-key.txt").strip();
        String entriesText = text(files, "entries.jsonl");
        String inclusionText = text(files, "proofs/inclusion.jsonl");
        String consistencyText = files.containsKey("proofs/consistency.jsonl")
                ? text(files, "proofs/consistency.jsonl") : "";
        Map<String, Object> tsa = manifest.get("tsa") instanceof Map<?, ?> m ? cast(m) : Map.of();
        if (Boolean.TRUE.equals(tsa.get("builtIn"))) {
            notes.add("注意: タイムスタンプは Mamori 内蔵の TSA によるもので、認定された第三者のタイムスタンプ局ではありません / "
                    + "Note: the time-stamps come from Mamori's built-in TSA, which is NOT an accredited third party");
        }

        // 1. keys and checkpoint signatures
        List<String> keys = new ArrayList<>();
        keys.add(bundleKey);
        if (trustedKey != null) {
            boolean same = trustedKey.strip().equals(bundleKey);
            check(same, same ? "パッケージの検証鍵は指定された鍵と一致します" : "パッケージの検証鍵は指定された鍵と一致しません",
                    same ? "the bundle's verifier key is the key you trust" : "the bundle's verifier key is NOT the key you trust");
            keys.add(trustedKey.strip());
        }
        NavigableMap<Long, byte[]> roots = new TreeMap<>();
        Map<Long, byte[]> noteBytes = new HashMap<>();
        for (String name : files.keySet()) {
            if (!name.startsWith("checkpoints/") || !name.endsWith(".note")) {
                continue;
            }
            String label = name.substring("checkpoints/".length(), name.length() - ".note".length());
            String note = new String(files.get(name), StandardCharsets.UTF_8);
            boolean signed = true;
            String body = null;
            for (String key : keys) {
                String b = SignedNote.verify(note, key);
                signed &= b != null;
                body = b == null ? body : b;
            }
            SignedNote.Checkpoint cp = null;
            try {
                cp = body == null ? null : SignedNote.parseCheckpoint(body);
            } catch (IllegalArgumentException e) {
                signed = false;
            }
            boolean named = cp != null && cp.origin().equals(origin) && label.equals(Long.toUnsignedString(cp.size()))
                    && cp.root().length == Merkle.HASH_SIZE;
            check(signed && named, "チェックポイント " + label + " の署名" + (signed && named ? "は正しい" : "が正しくありません"),
                    "checkpoint " + label + (signed && named ? ": the signature verifies" : ": the signature does NOT verify"));
            if (signed && named) {
                roots.put(cp.size(), cp.root());
                noteBytes.put(cp.size(), files.get(name));
            }
        }
        boolean latestThere = roots.containsKey(latestSize);
        check(latestThere, "最新チェックポイント (" + latestSize + ") が含まれてい" + (latestThere ? "ます" : "ません"),
                "the latest checkpoint (" + latestSize + ") is " + (latestThere ? "included" : "NOT included or not valid"));

        // 2. time-stamps
        List<X509Certificate> anchors = new ArrayList<>();
        if (files.containsKey("tsa/ca.pem")) {
            try {
                anchors.addAll(TimestampCheck.certificates(files.get("tsa/ca.pem")));
            } catch (GeneralSecurityException e) {
                check(false, "tsa/ca.pem を読めません", "cannot read tsa/ca.pem");
            }
        }
        Map<Long, String> stampedAt = new HashMap<>();
        for (var e : noteBytes.entrySet()) {
            long size = e.getKey();
            byte[] tsr = files.get("checkpoints/" + size + ".tsr");
            if (tsr == null) {
                check(false, "チェックポイント " + size + " にタイムスタンプがありません", "checkpoint " + size + " has no time-stamp");
                continue;
            }
            TimestampCheck.Result r = TimestampCheck.check(tsr, e.getValue(), anchors);
            if (r.holds()) {
                String at = TIME.format(r.genTime().toInstant());
                stampedAt.put(size, at);
                check(true, "チェックポイント " + size + " のタイムスタンプ (RFC 3161) は正しい: " + at,
                        "checkpoint " + size + ": the RFC 3161 time-stamp verifies: " + at);
            } else {
                check(false, "チェックポイント " + size + " のタイムスタンプ: " + r.problemJa(),
                        "checkpoint " + size + " time-stamp: " + r.problemEn());
            }
        }

        // 3. consistency between consecutive checkpoints
        Map<String, List<byte[]>> consistency = new HashMap<>();
        for (String line : lines(consistencyText)) {
            try {
                Map<String, Object> c = Json.object(line);
                consistency.put(c.get("size1") + ":" + c.get("size2"), hashes(c.get("proof")));
            } catch (IllegalArgumentException | ClassCastException e) {
                check(false, "整合性証明の行を読めません", "cannot read a consistency proof line");
            }
        }
        Long previous = null;
        for (long size : roots.keySet()) {
            if (previous != null) {
                List<byte[]> proof = consistency.get(previous + ":" + size);
                boolean holds = proof != null
                        && Merkle.verifyConsistency(previous, size, roots.get(previous), roots.get(size), proof);
                check(holds, "チェックポイント " + previous + " → " + size + " の整合性証明" + (holds ? "は正しい" : "が成り立ちません"),
                        "consistency " + previous + " → " + size + (holds ? ": the proof holds" : ": the proof does NOT hold"));
            }
            previous = size;
        }

        // 4. entries and their inclusion proofs
        Map<Long, Map<String, Object>> proofs = new HashMap<>();
        for (String line : lines(inclusionText)) {
            try {
                Map<String, Object> p = Json.object(line);
                proofs.put((Long) p.get("seq"), p);
            } catch (IllegalArgumentException | ClassCastException e) {
                check(false, "包含証明の行を読めません", "cannot read an inclusion proof line");
            }
        }
        int count = 0;
        for (String line : lines(entriesText)) {
            count++;
            Long seq = null;
            try {
                Object parsed = Json.parse(line);
                seq = parsed instanceof Map<?, ?> m && m.get("seq") instanceof Long l ? l : null;
                if (seq == null || !Jcs.canonical(parsed).equals(line)) {
                    check(false, "記録 " + count + " 行目は正規化 JSON (RFC 8785) ではありません",
                            "entry line " + count + " is not canonical JSON (RFC 8785)");
                    continue;
                }
            } catch (IllegalArgumentException e) {
                check(false, "記録 " + count + " 行目は JSON として読めません", "entry line " + count + " is not valid JSON");
                continue;
            }
            byte[] leaf = Merkle.leafHash(line.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> p = proofs.remove(seq);
            if (p == null) {
                check(false, "記録 " + seq + " の包含証明がありません", "entry " + seq + " has no inclusion proof");
                continue;
            }
            boolean sameLeaf;
            boolean holds;
            try {
                sameLeaf = Arrays.equals(leaf, HEX.parseHex(String.valueOf(p.get("leafHash"))));
                long size = (Long) p.get("treeSize");
                byte[] root = roots.get(size);
                holds = sameLeaf && root != null && (Long) p.get("leafIndex") == seq - 1
                        && Merkle.verifyInclusion(seq - 1, size, leaf, hashes(p.get("proof")), root);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                sameLeaf = false;
                holds = false;
            }
            if (!sameLeaf) {
                check(false, "記録 " + seq + " のハッシュが包含証明と一致しません (記録または証明が改変されています)",
                        "entry " + seq + ": its leaf hash does not match the inclusion proof (the entry or the proof was altered)");
            } else if (!holds) {
                check(false, "記録 " + seq + " の包含証明が最新チェックポイントにつながりません",
                        "entry " + seq + ": the inclusion proof does NOT lead to the checkpoint's root");
            } else {
                var first = roots.ceilingKey(seq);
                String at = first == null ? null : stampedAt.get(first);
                check(true, "記録 " + seq + " はログに含まれています" + (at == null ? "" : " (" + at + " までに存在)"),
                        "entry " + seq + " is in the log" + (at == null ? "" : " (existed by " + at + ")"));
            }
        }
        Object expected = manifest.get("entries");
        boolean complete = expected instanceof Long n && n == count && proofs.isEmpty();
        check(complete, "記録の件数 (" + count + ") がマニフェストと一致" + (complete ? "します" : "しません"),
                "the number of entries (" + count + ") " + (complete ? "matches" : "does NOT match") + " the manifest");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<byte[]> hashes(Object list) {
        List<byte[]> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            byte[] h = HEX.parseHex((String) o);
            if (h.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("not a hash");
            }
            out.add(h);
        }
        return out;
    }
}
