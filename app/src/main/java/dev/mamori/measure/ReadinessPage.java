package dev.mamori.measure;

import java.util.List;

/** One page of the readiness of every secret the reader may see; {@code total} counts the secrets that match. */
public record ReadinessPage(List<Readiness> items, int page, int size, long total) {

    public ReadinessPage {
        items = List.copyOf(items);
    }

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
