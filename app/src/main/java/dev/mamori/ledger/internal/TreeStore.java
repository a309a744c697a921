package dev.mamori.ledger.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.mamori.ledger.verify.Merkle;

/**
 * The ledger's Merkle tree in PostgreSQL: leaf hashes live on {@code ledger.entry} (leaf i is the entry
 * with seq i + 1); {@code ledger.tree_node} keeps the hash of every complete, aligned subtree of 2^level
 * leaves, written in the transaction that completes it. Any subtree hash, root or proof then needs
 * O(log² n) lookups.
 */
public class TreeStore {

    private final JdbcTemplate jdbc;

    public TreeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the nodes that the leaves appended from {@code firstIndex} on complete. */
    public void append(long firstIndex, List<byte[]> leafHashes) {
        Map<String, byte[]> fresh = new HashMap<>();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int n = 0; n < leafHashes.size(); n++) {
            long j = firstIndex + n;
            byte[] h = leafHashes.get(n);
            fresh.put(key(0, j), h);
            int level = 0;
            while ((j & 1) == 1) {
                byte[] left = node(level, j - 1, fresh);
                h = Merkle.nodeHash(left, h);
                level++;
                j >>= 1;
                fresh.put(key(level, j), h);
                rows.add(new Object[] {level, j, h});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into ledger.tree_node (level, idx, hash) values (?, ?, ?)", rows);
        }
    }

    private byte[] node(int level, long idx, Map<String, byte[]> fresh) {
        byte[] cached = fresh.get(key(level, idx));
        return cached != null ? cached : node(level, idx);
    }

    /** The hash of the complete subtree of 2^level leaves starting at leaf idx * 2^level. */
    public byte[] node(int level, long idx) {
        if (level == 0) {
            return jdbc.queryForObject("select leaf_hash from ledger.entry where seq = ?", byte[].class, idx + 1);
        }
        return jdbc.queryForObject("select hash from ledger.tree_node where level = ? and idx = ?", byte[].class, level, idx);
    }

    /** The Merkle tree hash over leaves [start, end), from stored complete subtrees. */
    public byte[] hash(long start, long end) {
        long n = end - start;
        if (n <= 0) {
            return Merkle.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    public Merkle.RangeHasher hasher() {
        return this::hash;
    }

    private static String key(int level, long idx) {
        return level + ":" + idx;
    }
}
