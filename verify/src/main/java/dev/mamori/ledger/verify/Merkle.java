package dev.mamori.ledger.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 section 2.1: leaf hash = SHA-256(0x00 || data), interior node =
 * SHA-256(0x01 || left || right), the tree over n leaves split at the largest power of two below n.
 * Proof generation takes a {@link RangeHasher} so a log can answer from stored subtree hashes; verification
 * follows RFC 9162 sections 2.1.3.2 and 2.1.4.2 and rejects any proof element that is not 32 bytes.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;

    private Merkle() {
    }

    /** The hash of the subtree over leaves [start, end). */
    @FunctionalInterface
    public interface RangeHasher {
        byte[] hash(long start, long end);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One digest per thread for leaf and node hashes, with its scratch buffers: creating a MessageDigest costs more
     * than hashing 64 bytes, and handing the digest the prefix byte and the data in one call, then letting it
     * write into the result array, saves a partial-block copy and a temporary array per hash (leaf and node hashes
     * are most of the work of verifying a log).
     */
    private static final class Hashing {
        /** Entries up to this size are prefixed in the scratch buffer; longer ones are fed in two calls. */
        private static final int SCRATCH_LIMIT = 64 * 1024;
        final MessageDigest digest = sha256();
        final byte[] node = new byte[1 + 2 * HASH_SIZE];
        byte[] leaf = new byte[1024];

        byte[] leafHash(byte[] data) {
            if (data.length + 1 > leaf.length && data.length < SCRATCH_LIMIT) {
                leaf = new byte[Math.max(data.length + 1, leaf.length * 2)];
            }
            if (data.length + 1 <= leaf.length) {
                leaf[0] = 0x00;
                System.arraycopy(data, 0, leaf, 1, data.length);
                digest.update(leaf, 0, data.length + 1);
            } else {
                digest.update((byte) 0x00);
                digest.update(data);
            }
            return finish();
        }

        byte[] nodeHash(byte[] left, byte[] right) {
            if (left.length != HASH_SIZE || right.length != HASH_SIZE) {
                digest.update((byte) 0x01);
                digest.update(left);
                digest.update(right);
                return digest.digest();
            }
            node[0] = 0x01;
            System.arraycopy(left, 0, node, 1, HASH_SIZE);
            System.arraycopy(right, 0, node, 1 + HASH_SIZE, HASH_SIZE);
            digest.update(node, 0, node.length);
            return finish();
        }

        private byte[] finish() {
            byte[] out = new byte[HASH_SIZE];
            try {
                digest.digest(out, 0, HASH_SIZE); // also resets the digest
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
    }

    private static final ThreadLocal<Hashing> HASHING = ThreadLocal.withInitial(Hashing::new);

    public static byte[] leafHash(byte[] data) {
        return HASHING.get().leafHash(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return HASHING.get().nodeHash(left, right);
    }

    /** The root of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two strictly smaller than n (n >= 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The root over the given leaf hashes, computed bottom-up in one pass with a stack of subtree roots. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        RootBuilder builder = new RootBuilder();
        leafHashes.forEach(builder::add);
        return builder.root();
    }

    /** A hasher over an in-memory list of leaf hashes (reference use and tests). */
    public static RangeHasher over(List<byte[]> leafHashes) {
        return (start, end) -> root(leafHashes.subList((int) start, (int) end));
    }

    /** The audit path of leaf {@code index} in a tree of {@code size} leaves (RFC 9162 2.1.3.1). */
    public static List<byte[]> inclusionProof(long index, long size, RangeHasher hasher) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hasher, proof);
        return proof;
    }

    private static void path(long m, long start, long n, RangeHasher h, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, k, h, out);
            out.add(h.hash(start + k, start + n));
        } else {
            path(m - k, start + k, n - k, h, out);
            out.add(h.hash(start, start + k));
        }
    }

    /** The consistency proof between the trees of {@code size1} and {@code size2} leaves (RFC 9162 2.1.4.1). */
    public static List<byte[]> consistencyProof(long size1, long size2, RangeHasher hasher) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, hasher, proof);
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean whole, RangeHasher h, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(h.hash(start, start + n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, k, whole, h, out);
            out.add(h.hash(start + k, start + n));
        } else {
            subproof(m - k, start + k, n - k, false, h, out);
            out.add(h.hash(start, start + k));
        }
    }

    /** Whether {@code proof} shows the leaf with {@code leafHash} at {@code index} in the tree with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        // sizes are unsigned 64-bit numbers, as in RFC 9162
        if (size == 0 || Long.compareUnsigned(index, size) >= 0 || leafHash == null || leafHash.length != HASH_SIZE
                || root == null || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code size2} leaves with {@code root2} extends the tree of
     * {@code size1} leaves with {@code root1}. A proof from the empty tree is meaningless and refused.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 == 0 || Long.compareUnsigned(size2, size1) < 0 || root1 == null || root2 == null || proof == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty() || !wellFormed(proof)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(p -> p != null && p.length == HASH_SIZE);
    }

    /** Builds a root incrementally from leaf hashes appended in order, keeping O(log n) subtree roots. */
    public static final class RootBuilder {
        private final byte[][] stack = new byte[64][];
        private final long[] sizes = new long[64];
        private int top;
        private long count;

        public void add(byte[] leafHash) {
            push(leafHash, 1);
        }

        /**
         * Appends the root of a complete subtree of {@code size} leaves (a power of two) that starts where the
         * leaves so far end, which must be a multiple of {@code size}: the same as adding its leaves one by one.
         */
        public void addSubtree(byte[] subtreeRoot, long size) {
            if (Long.bitCount(size) != 1 || count % size != 0) {
                throw new IllegalArgumentException("a subtree of " + size + " leaves cannot follow " + count + " leaves");
            }
            push(subtreeRoot, size);
        }

        private void push(byte[] hash, long size) {
            byte[] h = hash;
            long s = size;
            while (top > 0 && sizes[top - 1] == s) {
                h = nodeHash(stack[--top], h);
                s *= 2;
            }
            stack[top] = h;
            sizes[top++] = s;
            count += size;
        }

        public long size() {
            return count;
        }

        public byte[] root() {
            if (top == 0) {
                return emptyRoot();
            }
            byte[] h = stack[top - 1];
            for (int i = top - 2; i >= 0; i--) {
                h = nodeHash(stack[i], h);
            }
            return Arrays.copyOf(h, h.length);
        }
    }
}
