package dev.mamori.ledger.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar mamori-verify.jar COMMAND ...}: checks Mamori's ledger without trusting the Mamori server.
 * Exit codes: 0 the proof holds (or the root was printed), 1 the proof fails, 2 bad input.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    int run(String[] args) {
        if (args.length == 0) {
            usage();
            return BAD_INPUT;
        }
        try {
            if (args[0].equals("verify-bundle")) {
                return verifyBundle(args);
            }
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "verify-inclusion" -> verifyInclusion(options);
                case "verify-consistency" -> verifyConsistency(options);
                case "root" -> root(options);
                case "help", "--help", "-h" -> {
                    usage();
                    yield OK;
                }
                default -> throw new BadInput("不明なコマンドです / unknown command: " + args[0]);
            };
        } catch (BadInput e) {
            err.println("入力エラー / bad input: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int verifyBundle(String[] args) throws BadInput {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new BadInput("ZIP ファイルを指定してください / give the bundle: verify-bundle FILE.zip [--key KEY]");
        }
        Path file = Path.of(args[1]);
        String[] rest = new String[args.length - 1];
        rest[0] = args[0];
        System.arraycopy(args, 2, rest, 1, args.length - 2);
        String key = options(rest).get("key");
        if (key != null && key.isBlank()) {
            throw new BadInput("--key に検証鍵を指定してください / --key needs a verifier key");
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInput("ファイルを読めません / cannot read " + file + ": " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        List<BundleVerifier.Check> checks;
        try {
            checks = BundleVerifier.verify(zip, key, notes);
        } catch (BundleVerifier.BadBundle e) {
            throw new BadInput(e.getMessage());
        }
        out.println("証拠パッケージの検証 / Verifying evidence bundle: " + file);
        checks.forEach(out::println);
        notes.forEach(out::println);
        long failed = checks.stream().filter(c -> !c.holds()).count();
        if (failed == 0) {
            out.println("結論: すべての検証に成功しました (" + checks.size() + " 件) / VERDICT: VERIFIED, all "
                    + checks.size() + " checks hold");
            return OK;
        }
        out.println("結論: 検証に失敗しました (" + failed + " / " + checks.size() + " 件が不成立) / VERDICT: FAILED, "
                + failed + " of " + checks.size() + " checks do not hold");
        return FAILED;
    }

    private int verifyInclusion(Map<String, String> o) throws BadInput {
        long index = number(o, "index");
        long size = number(o, "size");
        byte[] leaf = hex(o, "leaf-hash");
        byte[] root = hex(o, "root");
        List<byte[]> proof = proof(o);
        boolean holds = proof != null && Merkle.verifyInclusion(index, size, leaf, proof, root);
        return verdict(holds, "包含証明", "inclusion proof");
    }

    private int verifyConsistency(Map<String, String> o) throws BadInput {
        long size1 = number(o, "size1");
        long size2 = number(o, "size2");
        byte[] root1 = hex(o, "root1");
        byte[] root2 = hex(o, "root2");
        List<byte[]> proof = proof(o);
        boolean holds = proof != null && Merkle.verifyConsistency(size1, size2, root1, root2, proof);
        return verdict(holds, "整合性証明", "consistency proof");
    }

    private int root(Map<String, String> o) throws BadInput {
        String file = require(o, "leaves");
        Merkle.RootBuilder builder = new Merkle.RootBuilder();
        try (var lines = Files.lines(Path.of(file), StandardCharsets.UTF_8)) {
            var it = lines.iterator();
            int lineNo = 0;
            while (it.hasNext()) {
                String line = it.next().strip();
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    builder.add(Merkle.leafHash(HexFormat.of().parseHex(line)));
                } catch (IllegalArgumentException e) {
                    throw new BadInput(file + " の " + lineNo + " 行目が16進数ではありません / line " + lineNo
                            + " of " + file + " is not hex");
                }
            }
        } catch (IOException e) {
            throw new BadInput("ファイルを読めません / cannot read " + file + ": " + e.getMessage());
        }
        out.println(HexFormat.of().formatHex(builder.root()));
        return OK;
    }

    private int verdict(boolean holds, String ja, String en) {
        if (holds) {
            out.println("検証成功: " + ja + "は正しい / VERIFIED: the " + en + " holds");
            return OK;
        }
        out.println("検証失敗: " + ja + "が成り立ちません / FAILED: the " + en + " does not hold");
        return FAILED;
    }

    static Map<String, String> options(String[] args) throws BadInput {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new BadInput("オプションは --name value の形で指定してください / expected --name value, got: " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "";
            }
            options.put(name, value);
        }
        return options;
    }

    private static String require(Map<String, String> o, String name) throws BadInput {
        String v = o.get(name);
        if (v == null) {
            throw new BadInput("--" + name + " がありません / missing --" + name);
        }
        return v;
    }

    private static long number(Map<String, String> o, String name) throws BadInput {
        String v = require(o, name);
        try {
            return Long.parseUnsignedLong(v.strip()); // unsigned 64-bit, as in RFC 9162
        } catch (NumberFormatException e) {
            throw new BadInput("--" + name + " は0以上の整数で指定してください / --" + name
                    + " must be a non-negative integer, got: " + v);
        }
    }

    private static byte[] hex(Map<String, String> o, String name) throws BadInput {
        String v = require(o, name).strip();
        try {
            return HexFormat.of().parseHex(v);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--" + name + " は16進数で指定してください / --" + name + " must be hex, got: " + v);
        }
    }

    /** The proof elements; null when an element is not exactly 32 bytes of hex (the proof then fails). */
    private static List<byte[]> proof(Map<String, String> o) throws BadInput {
        String v = require(o, "proof").strip();
        List<byte[]> proof = new ArrayList<>();
        if (v.isEmpty()) {
            return proof;
        }
        for (String part : v.split(",", -1)) {
            String p = part.strip();
            if (p.length() != Merkle.HASH_SIZE * 2) {
                return null;
            }
            try {
                proof.add(HexFormat.of().parseHex(p));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return proof;
    }

    private void usage() {
        out.println("""
                mamori-verify — 守り(Mamori)の監査証跡を、Mamori のサーバーを信頼せずに検証します。
                Verifies Mamori's audit ledger without trusting the Mamori server.

                  verify-inclusion   --index I --size N --leaf-hash HEX --proof HEX,HEX,... --root HEX
                  verify-consistency --size1 M --size2 N --root1 HEX --root2 HEX --proof HEX,...
                  verify-bundle      FILE.zip [--key VERIFIER_KEY]   (証拠パッケージ全体 / a whole evidence bundle)
                  root               --leaves FILE   (1行に1件、葉のデータを16進数で / one hex-encoded leaf per line)

                終了コード / exit codes: 0 成立 / holds, 1 不成立 / fails, 2 入力エラー / bad input""");
    }
}
