package dev.mamori.inventory;

import java.util.List;

/** One page of the register list. */
public record AssetPage(List<AssetView> assets, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
