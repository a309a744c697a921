package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTests {

    static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    /** The definition of RFC 9162 2.1.1, written as plainly as possible, to check the optimised code against. */
    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return Merkle.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return Merkle.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    @Test
    void rootOfTheEmptyTreeIsTheHashOfNothing() {
        assertThat(HexFormat.of().formatHex(Merkle.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void incrementalRootMatchesTheRecursiveDefinitionForEverySizeUpTo130() {
        List<byte[]> all = leaves(130);
        Merkle.RootBuilder builder = new Merkle.RootBuilder();
        for (int n = 1; n <= all.size(); n++) {
            builder.add(all.get(n - 1));
            assertThat(builder.root()).as("size %d", n).isEqualTo(mth(all.subList(0, n)));
        }
    }

    @Test
    void addingCompleteSubtreesGivesTheSameRootAsAddingTheirLeaves() {
        List<byte[]> all = leaves(100);
        Merkle.RootBuilder builder = new Merkle.RootBuilder();
        builder.addSubtree(Merkle.root(all.subList(0, 64)), 64);
        builder.addSubtree(Merkle.root(all.subList(64, 80)), 16);
        builder.addSubtree(Merkle.root(all.subList(80, 96)), 16);
        for (int i = 96; i < 100; i++) {
            builder.add(all.get(i));
        }
        assertThat(builder.size()).isEqualTo(100);
        assertThat(builder.root()).isEqualTo(mth(all));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.addSubtree(all.get(0), 8))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Merkle.RootBuilder().addSubtree(all.get(0), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyGeneratedInclusionProofVerifiesAndAnAlteredOneDoesNot() {
        List<byte[]> all = leaves(40);
        for (int n = 1; n <= all.size(); n++) {
            List<byte[]> tree = all.subList(0, n);
            byte[] root = Merkle.root(tree);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Merkle.inclusionProof(i, n, Merkle.over(tree));
                assertThat(Merkle.verifyInclusion(i, n, tree.get(i), proof, root)).as("leaf %d of %d", i, n).isTrue();
                if (!proof.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    byte[] first = altered.get(0).clone();
                    first[0] ^= 1;
                    altered.set(0, first);
                    assertThat(Merkle.verifyInclusion(i, n, tree.get(i), altered, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyGeneratedConsistencyProofVerifiesAndSwappedRootsDoNot() {
        List<byte[]> all = leaves(40);
        for (int n = 1; n <= all.size(); n++) {
            for (int m = 1; m <= n; m++) {
                byte[] root1 = Merkle.root(all.subList(0, m));
                byte[] root2 = Merkle.root(all.subList(0, n));
                List<byte[]> proof = Merkle.consistencyProof(m, n, Merkle.over(all.subList(0, n)));
                assertThat(Merkle.verifyConsistency(m, n, root1, root2, proof)).as("%d -> %d", m, n).isTrue();
                if (m < n) {
                    assertThat(Merkle.verifyConsistency(m, n, root2, root1, proof)).isFalse();
                }
            }
        }
    }
}
