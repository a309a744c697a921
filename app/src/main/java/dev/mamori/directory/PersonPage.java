package dev.mamori.directory;

import java.util.List;

/**
 * One page of people with the total count matching the query within the viewer's scope.
 */
public record PersonPage(List<PersonView> people, int page, int size, long total) {

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
