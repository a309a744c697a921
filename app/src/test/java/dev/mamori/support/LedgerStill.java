package dev.mamori.support;

import java.util.function.Supplier;

import dev.mamori.ledger.CheckpointSummary;
import dev.mamori.ledger.Ledger;

/**
 * For tests that compare two reads of something the ledger feeds (a secret's trail indicator): the ledger signs
 * checkpoints in the background, and one landing between the reads changes the second legitimately. {@link #read}
 * repeats the reads (up to five times) until the ledger's entry count and latest checkpoint stood still across them.
 */
public final class LedgerStill {

    private LedgerStill() {
    }

    public static <T> T read(Ledger ledger, Supplier<T> reads) {
        for (int attempt = 1; ; attempt++) {
            String before = state(ledger);
            T result = reads.get();
            if (before.equals(state(ledger)) || attempt == 5) {
                return result;
            }
        }
    }

    private static String state(Ledger ledger) {
        return ledger.count() + "/" + ledger.latestCheckpoint().map(CheckpointSummary::treeSize).orElse(0L);
    }
}
