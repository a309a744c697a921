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
 * <p>
 * Beside them, {@code ledger.tree_tile} keeps tiles in the manner of C2SP {@code tlog-tiles}: a tile of level L
 * (a multiple of {@link #TILE_HEIGHT}) holds the 64 consecutive hashes of level-L nodes that one complete subtree
 * of 2^(L+6) leaves is built from, in one row of 2 KB stored inline. Any node of levels L to L+5 is computed from
 * its tile. Tiles of level 6 and above are few (one per 4,096 leaves, 2 KB each) and kept in memory, loaded at
 * start-up, so a proof reads one row from disk for its lowest six levels instead of one per level and subtree;
 * only the newest, incomplete part of the tree is read node by node.
 */
public class TreeStore {

    /**
     * Stored subtrees of at least 2^CACHED_LEVEL leaves are kept in memory once read: a stored node never
     * changes (a trigger refuses updates and deletes), there are at most n / 2^CACHED_LEVEL of them (10,000 in a
     * log of 10 million), and every proof and root needs the upper ones, so proofs read only their lower levels.
     */
    static final int CACHED_LEVEL = 10;

    /** Levels per tile; a tile holds 2^TILE_HEIGHT hashes. */
    static final int TILE_HEIGHT = 6;
    static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    private final JdbcTemplate jdbc;
    private final Map<Long, byte[]> upper = new java.util.concurrent.ConcurrentHashMap<>();
    /** Complete tiles of level TILE_HEIGHT and above, by {@link #packed}: immutable once written. */
    private final Map<Long, byte[]> upperTiles = new java.util.concurrent.ConcurrentHashMap<>();

    private final boolean writeTiles;

    public TreeStore(JdbcTemplate jdbc) {
        this(jdbc, true);
    }

    /**
     * @param writeTiles false only for the migration that built the tree before {@code ledger.tree_tile} existed
     *                   (a later migration builds the tiles of what it wrote)
     */
    public TreeStore(JdbcTemplate jdbc, boolean writeTiles) {
        this.jdbc = jdbc;
        this.writeTiles = writeTiles;
    }

    /** Writes the nodes that the leaves appended from {@code firstIndex} on complete. */
    public void append(long firstIndex, List<byte[]> leafHashes) {
        Map<String, byte[]> fresh = new HashMap<>();
        List<Object[]> rows = new java.util.ArrayList<>();
        List<long[]> completedTiles = new java.util.ArrayList<>();
        for (int n = 0; n < leafHashes.size(); n++) {
            long j = firstIndex + n;
            byte[] h = leafHashes.get(n);
            fresh.put(key(0, j), h);
            if ((j + 1) % TILE_WIDTH == 0) {
                completedTiles.add(new long[] {0, j / TILE_WIDTH});
            }
            int level = 0;
            while ((j & 1) == 1) {
                byte[] left = node(level, j - 1, fresh);
                h = Merkle.nodeHash(left, h);
                level++;
                j >>= 1;
                fresh.put(key(level, j), h);
                rows.add(new Object[] {level, j, h});
                if (level % TILE_HEIGHT == 0 && (j + 1) % TILE_WIDTH == 0) {
                    completedTiles.add(new long[] {level, j / TILE_WIDTH});
                }
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into ledger.tree_node (level, idx, hash) values (?, ?, ?)", rows);
        }
        if (writeTiles && !completedTiles.isEmpty()) {
            List<Object[]> tiles = new java.util.ArrayList<>();
            for (long[] t : completedTiles) {
                tiles.add(new Object[] {(int) t[0], t[1], tileHashes((int) t[0], t[1], fresh)});
            }
            jdbc.batchUpdate("insert into ledger.tree_tile (level, idx, hashes) values (?, ?, ?)", tiles);
        }
    }

    /** The 64 hashes of a complete tile, from this append's fresh nodes and, for the rest, one range read. */
    private byte[] tileHashes(int level, long tile, Map<String, byte[]> fresh) {
        long first = tile * TILE_WIDTH;
        byte[] out = new byte[TILE_WIDTH * Merkle.HASH_SIZE];
        boolean[] filled = new boolean[TILE_WIDTH];
        int missing = 0;
        for (int i = 0; i < TILE_WIDTH; i++) {
            byte[] h = fresh.get(key(level, first + i));
            if (h != null) {
                System.arraycopy(h, 0, out, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
                filled[i] = true;
            } else {
                missing++;
            }
        }
        if (missing > 0) {
            org.springframework.jdbc.core.RowCallbackHandler put = rs -> {
                int i = (int) (rs.getLong(1) - first);
                System.arraycopy(rs.getBytes(2), 0, out, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
                filled[i] = true;
            };
            if (level == 0) {
                jdbc.query("select seq - 1, leaf_hash from ledger.entry where seq between ? and ?", put,
                        first + 1, first + TILE_WIDTH);
            } else {
                jdbc.query("select idx, hash from ledger.tree_node where level = ? and idx between ? and ?", put,
                        level, first, first + TILE_WIDTH - 1);
            }
            for (boolean f : filled) {
                if (!f) {
                    throw new IllegalStateException("tile " + level + "/" + tile + " is not complete");
                }
            }
        }
        return out;
    }

    /**
     * Loads every complete tile of level {@link #TILE_HEIGHT} and above into memory (n / 2,048 bytes for n
     * entries: 5 MB for 10 million), so proofs read at most their lowest tile from disk. Reads committed rows only.
     */
    public int preloadUpperTiles() {
        int[] count = {0};
        jdbc.query("select level, idx, hashes from ledger.tree_tile where level >= ?", rs -> {
            upperTiles.put(packed(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
            count[0]++;
        }, TILE_HEIGHT);
        return count[0];
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
        List<long[]> wanted = new java.util.ArrayList<>(); // {level, idx}
        Map<String, byte[]> nodes = new HashMap<>();
        for (long[] r : ranges) {
            aligned(r[0], r[1], (level, idx) -> {
                byte[] known = level >= CACHED_LEVEL ? upper.get(packed(level, idx)) : null;
                if (known != null) {
                    nodes.put(key(level, idx), known);
                } else {
                    wanted.add(new long[] {level, idx});
                }
            });
        }
        // only committed rows may be remembered: a read-only transaction cannot see rows of its own that a
        // rollback could still take away
        boolean remember = org.springframework.transaction.support.TransactionSynchronizationManager
                .isCurrentTransactionReadOnly();

        // first from tiles: those in memory, then every other tile needed in one query
        Map<Long, byte[]> tiles = new HashMap<>();
        List<Integer> tileLevels = new java.util.ArrayList<>();
        List<Long> tileIndexes = new java.util.ArrayList<>();
        for (long[] w : wanted) {
            long tileKey = tileOf((int) w[0], w[1]);
            if (tiles.containsKey(tileKey)) {
                continue;
            }
            byte[] inMemory = upperTiles.get(tileKey);
            tiles.put(tileKey, inMemory);
            if (inMemory == null) {
                tileLevels.add((int) (tileKey >>> 58));
                tileIndexes.add(tileKey & ((1L << 58) - 1));
            }
        }
        if (!tileLevels.isEmpty()) {
            jdbc.query("""
                    select t.level, t.idx, t.hashes from ledger.tree_tile t
                    join unnest(?::int[], ?::bigint[]) as w(level, idx) on t.level = w.level and t.idx = w.idx""", rs -> {
                long tileKey = packed(rs.getInt(1), rs.getLong(2));
                byte[] hashes = rs.getBytes(3);
                tiles.put(tileKey, hashes);
                if (remember && rs.getInt(1) >= TILE_HEIGHT) {
                    upperTiles.put(tileKey, hashes);
                }
            }, tileLevels.toArray(Integer[]::new), tileIndexes.toArray(Long[]::new));
        }

        // then, node by node, whatever no complete tile holds yet (the newest part of the tree)
        List<Integer> levels = new java.util.ArrayList<>();
        List<Long> indexes = new java.util.ArrayList<>();
        List<Long> leafSeqs = new java.util.ArrayList<>();
        for (long[] w : wanted) {
            int level = (int) w[0];
            long idx = w[1];
            byte[] tile = tiles.get(tileOf(level, idx));
            if (tile != null) {
                nodes.put(key(level, idx), fromTile(tile, level, idx));
            } else if (level == 0) {
                leafSeqs.add(idx + 1);
            } else {
                levels.add(level);
                indexes.add(idx);
            }
        }
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

    /** The tile (packed level and index) that holds the hashes node (level, idx) is computed from. */
    static long tileOf(int level, long idx) {
        int tileLevel = level - level % TILE_HEIGHT;
        return packed(tileLevel, (idx << (level - tileLevel)) >> TILE_HEIGHT);
    }

    /** Node (level, idx) computed from the hashes of its tile. */
    static byte[] fromTile(byte[] tile, int level, long idx) {
        int tileLevel = level - level % TILE_HEIGHT;
        int width = 1 << (level - tileLevel);
        int offset = (int) ((idx << (level - tileLevel)) & (TILE_WIDTH - 1));
        Merkle.RootBuilder builder = new Merkle.RootBuilder();
        for (int i = offset; i < offset + width; i++) {
            builder.add(java.util.Arrays.copyOfRange(tile, i * Merkle.HASH_SIZE, (i + 1) * Merkle.HASH_SIZE));
        }
        return builder.root();
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
