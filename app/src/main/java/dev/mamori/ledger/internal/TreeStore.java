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

    /**
     * Stored subtrees of at least 2^CACHED_LEVEL leaves are kept in memory once read: a stored node never
     * changes (a trigger refuses updates and deletes), there are at most n / 2^CACHED_LEVEL of them (10,000 in a
     * log of 10 million), and every proof and root needs the upper ones, so proofs read only their lower levels.
     */
    static final int CACHED_LEVEL = 10;

    private final JdbcTemplate jdbc;
    private final Map<Long, byte[]> upper = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * A hasher for the given ranges that reads every stored subtree they need in two queries (leaves and
     * nodes) instead of one query per subtree; other ranges fall back to {@link #hash}.
     */
    public Merkle.RangeHasher prefetched(List<long[]> ranges) {
        List<Integer> levels = new java.util.ArrayList<>();
        List<Long> indexes = new java.util.ArrayList<>();
        List<Long> leafSeqs = new java.util.ArrayList<>();
        Map<String, byte[]> nodes = new HashMap<>();
        for (long[] r : ranges) {
            aligned(r[0], r[1], (level, idx) -> {
                byte[] known = level >= CACHED_LEVEL ? upper.get(packed(level, idx)) : null;
                if (known != null) {
                    nodes.put(key(level, idx), known);
                } else if (level == 0) {
                    leafSeqs.add(idx + 1);
                } else {
                    levels.add(level);
                    indexes.add(idx);
                }
            });
        }
        // only committed nodes may be remembered: a read-only transaction cannot see nodes of its own that a
        // rollback could still take away
        boolean remember = org.springframework.transaction.support.TransactionSynchronizationManager
                .isCurrentTransactionReadOnly();
        if (!leafSeqs.isEmpty()) {
            jdbc.query("select seq, leaf_hash from ledger.entry where seq = any(?)", rs -> {
                nodes.put(key(0, rs.getLong(1) - 1), rs.getBytes(2));
            }, (Object) leafSeqs.toArray(Long[]::new));
        }
        if (!levels.isEmpty()) {
            jdbc.query("""
                    select n.level, n.idx, n.hash from ledger.tree_node n
                    join unnest(?::int[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx""", rs -> {
                int level = rs.getInt(1);
                long idx = rs.getLong(2);
                byte[] hash = rs.getBytes(3);
                nodes.put(key(level, idx), hash);
                if (remember && level >= CACHED_LEVEL) {
                    upper.put(packed(level, idx), hash);
                }
            }, levels.toArray(Integer[]::new), indexes.toArray(Long[]::new));
        }
        return (start, end) -> fromNodes(start, end, nodes);
    }

    private byte[] fromNodes(long start, long end, Map<String, byte[]> nodes) {
        long n = end - start;
        if (n <= 0) {
            return Merkle.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            byte[] h = nodes.get(key(Long.numberOfTrailingZeros(n), start / n));
            return h != null ? h : node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(fromNodes(start, start + k, nodes), fromNodes(start + k, end, nodes));
    }

    /** The complete aligned subtrees that make up the range [start, end), in the tree's own split. */
    private static void aligned(long start, long end, java.util.function.ObjLongConsumer<Integer> sink) {
        long n = end - start;
        if (n <= 0) {
            return;
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            sink.accept(Long.numberOfTrailingZeros(n), start / n);
            return;
        }
        long k = Long.highestOneBit(n - 1);
        aligned(start, start + k, sink);
        aligned(start + k, end, sink);
    }

    private static long packed(int level, long idx) {
        return ((long) level << 58) | idx;
    }

    private static String key(int level, long idx) {
        return level + ":" + idx;
    }
}
