package dev.mamori.directory.internal.importing;

import java.util.List;

/**
 * One page of a preview's errors or events, with the number kept in all.
 */
public record FindingPage(List<Finding> items, int page, int size, long total) {

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
