package dev.mamori.ledger;

import java.util.List;

/**
 * One page of entries, newest first, with the total matching count.
 */
public record LedgerPage(List<LedgerEntry> entries, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
