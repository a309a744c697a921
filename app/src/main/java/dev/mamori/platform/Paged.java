package dev.mamori.platform;

/**
 * A page of a longer list, as the shared pager fragment ({@code fragments/forms :: pager}) shows it:
 * the page number (from 0), the page size and the number of items in all.
 */
public interface Paged {

    int page();

    int size();

    long total();

    default int totalPages() {
        return (int) Math.max(1, (total() + size() - 1) / size());
    }

    default boolean hasNext() {
        return page() + 1 < totalPages();
    }

    default boolean hasPrevious() {
        return page() > 0;
    }
}
