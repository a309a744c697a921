package dev.mamori.ledger.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.verify.Merkle;

/**
 * Inclusion and consistency proofs from the stored tree.
 */
@Service
public class Proofs {

    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    }

    public record Consistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Proofs.class);

    private final JdbcLedger ledger;

    Proofs(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Loads the tree's upper tiles (level 6 and above: n / 2,048 bytes for n entries) into memory, so that a proof
     * reads at most its lowest tile from disk. Idempotent; returns the number of tiles loaded.
     */
    public int loadUpperTiles() {
        long start = System.nanoTime();
        int tiles = ledger.tree().preloadUpperTiles();
        LOG.info("Ledger: {} upper tiles of the Merkle tree loaded in {} ms", tiles, (System.nanoTime() - start) / 1_000_000);
        return tiles;
    }

    /** Once the application is up, loads the upper tiles in the background (until then, proofs read what they need). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadUpperTilesInTheBackground() {
        Thread loader = new Thread(() -> {
            try {
                loadUpperTiles();
            } catch (RuntimeException e) {
                LOG.warn("Ledger: upper tiles not preloaded ({}); proofs read them as needed", e.toString());
            }
        }, "ledger-tile-preload");
        loader.setDaemon(true);
        loader.start();
    }

    /** Proof that entry {@code seq} is in the tree of {@code treeSize} entries (0 or absent: the current tree). */
    @Transactional(readOnly = true)
    public Inclusion inclusion(long seq, long treeSize) {
        long current = ledger.size();
        long size = treeSize > 0 ? treeSize : current;
        if (seq < 1 || seq > size || size > current) {
            throw new IllegalArgumentException("seq " + seq + " is not in a tree of size " + size);
        }
        List<long[]> ranges = rangesOf(h -> Merkle.inclusionProof(seq - 1, size, h));
        ranges.add(new long[] {0, size});
        ranges.add(new long[] {seq - 1, seq});
        Merkle.RangeHasher hasher = ledger.tree().prefetched(ranges);
        return new Inclusion(seq - 1, size, hasher.hash(seq - 1, seq), Merkle.inclusionProof(seq - 1, size, hasher),
                hasher.hash(0, size));
    }

    /** The ranges a proof computation asks for, found by running it once against a stand-in hasher. */
    private static List<long[]> rangesOf(java.util.function.Consumer<Merkle.RangeHasher> proof) {
        List<long[]> ranges = new java.util.ArrayList<>();
        byte[] standIn = new byte[Merkle.HASH_SIZE];
        proof.accept((start, end) -> {
            ranges.add(new long[] {start, end});
            return standIn;
        });
        return ranges;
    }

    /** The audit path alone (root left out), for a size already known to hold {@code seq}. */
    Inclusion path(long seq, long size) {
        List<long[]> ranges = rangesOf(h -> Merkle.inclusionProof(seq - 1, size, h));
        ranges.add(new long[] {seq - 1, seq});
        Merkle.RangeHasher hasher = ledger.tree().prefetched(ranges);
        return new Inclusion(seq - 1, size, hasher.hash(seq - 1, seq), Merkle.inclusionProof(seq - 1, size, hasher), null);
    }

    @Transactional(readOnly = true)
    public Consistency consistency(long size1, long size2) {
        long current = ledger.size();
        if (size1 < 1 || size1 > size2 || size2 > current) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<long[]> ranges = size1 == size2 ? new java.util.ArrayList<>()
                : rangesOf(h -> Merkle.consistencyProof(size1, size2, h));
        ranges.add(new long[] {0, size1});
        ranges.add(new long[] {0, size2});
        Merkle.RangeHasher hasher = ledger.tree().prefetched(ranges);
        return new Consistency(size1, size2, hasher.hash(0, size1), hasher.hash(0, size2),
                Merkle.consistencyProof(size1, size2, hasher));
    }
}
