package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {

    static final HexFormat HEX = HexFormat.of();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    static String hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).collect(Collectors.joining(","));
    }

    @Test
    void verifiesAnInclusionProofAndSaysSoInBothLanguages() {
        List<byte[]> tree = MerkleTests.leaves(7);
        String proof = hex(Merkle.inclusionProof(3, 7, Merkle.over(tree)));
        String root = HEX.formatHex(Merkle.root(tree));
        assertThat(run("verify-inclusion", "--index", "3", "--size", "7", "--leaf-hash", HEX.formatHex(tree.get(3)),
                "--proof", proof, "--root", root)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("検証成功").contains("VERIFIED");
        assertThat(run("verify-inclusion", "--index", "2", "--size", "7", "--leaf-hash", HEX.formatHex(tree.get(3)),
                "--proof", proof, "--root", root)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("検証失敗").contains("FAILED");
    }

    @Test
    void aProofElementThatIsNotThirtyTwoBytesOfHexFailsTheProof() {
        List<byte[]> tree = MerkleTests.leaves(2);
        String root = HEX.formatHex(Merkle.root(tree));
        assertThat(run("verify-inclusion", "--index", "0", "--size", "2", "--leaf-hash", HEX.formatHex(tree.get(0)),
                "--proof", "-", "--root", root)).isEqualTo(1);
        assertThat(run("verify-inclusion", "--index", "0", "--size", "2", "--leaf-hash", HEX.formatHex(tree.get(0)),
                "--proof", HEX.formatHex(tree.get(1)) + "00", "--root", root)).isEqualTo(1);
        assertThat(run("verify-inclusion", "--index", "0", "--size", "2", "--leaf-hash", HEX.formatHex(tree.get(0)),
                "--proof", HEX.formatHex(tree.get(1)), "--root", root)).isZero();
    }

    @Test
    void verifiesConsistencyWithAnEmptyProofForEqualSizes() {
        List<byte[]> tree = MerkleTests.leaves(9);
        String root4 = HEX.formatHex(Merkle.root(tree.subList(0, 4)));
        String root9 = HEX.formatHex(Merkle.root(tree));
        String proof = hex(Merkle.consistencyProof(4, 9, Merkle.over(tree)));
        assertThat(run("verify-consistency", "--size1", "4", "--size2", "9", "--root1", root4, "--root2", root9,
                "--proof", proof)).isZero();
        assertThat(run("verify-consistency", "--size1", "9", "--size2", "9", "--root1", root9, "--root2", root9,
                "--proof", "")).isZero();
        assertThat(run("verify-consistency", "--size1", "4", "--size2", "9", "--root1", root9, "--root2", root4,
                "--proof", proof)).isEqualTo(1);
    }

    @Test
    void printsTheRootOfAFileOfHexLeaves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("leaves.txt");
        Files.writeString(file, "00\n0102\n\nff\n");
        assertThat(run("root", "--leaves", file.toString())).isZero();
        byte[] expected = Merkle.root(List.of(Merkle.leafHash(new byte[] {0}), Merkle.leafHash(new byte[] {1, 2}),
                Merkle.leafHash(new byte[] {(byte) 0xff})));
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(HEX.formatHex(expected));
    }

    @Test
    void badInputExitsWithTwoAndAClearMessage(@TempDir Path dir) throws Exception {
        assertThat(run("verify-inclusion", "--index", "x", "--size", "2", "--leaf-hash", "00", "--proof", "",
                "--root", "00")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--index").contains("入力エラー");
        assertThat(run("verify-inclusion", "--size", "2", "--leaf-hash", "00", "--proof", "", "--root", "00")).isEqualTo(2);
        assertThat(run("verify-consistency", "--size1", "1", "--size2", "2", "--root1", "zz", "--root2", "00",
                "--proof", "")).isEqualTo(2);
        assertThat(run("root", "--leaves", dir.resolve("missing.txt").toString())).isEqualTo(2);
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "00\nnot-hex\n");
        assertThat(run("root", "--leaves", bad.toString())).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void verifyBundleNeedsAReadableBundle(@TempDir Path dir) throws Exception {
        assertThat(run("verify-bundle")).isEqualTo(2);
        assertThat(run("verify-bundle", dir.resolve("missing.zip").toString())).isEqualTo(2);
        Path notZip = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertThat(run("verify-bundle", notZip.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("入力エラー / bad input");
        Path empty = dir.resolve("empty.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(empty))) {
            z.putNextEntry(new java.util.zip.ZipEntry("other.txt"));
            z.write(1);
            z.closeEntry();
        }
        assertThat(run("verify-bundle", empty.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("manifest.json is missing");
    }
}
