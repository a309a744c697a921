package dev.mamori.platform;

/**
 * A module's part of the demo company ({@code ./mamori run --demo} or {@code MAMORI_DEMO=true}).
 * Loaders run once, in {@link #order()}, into an empty database, in one transaction.
 */
public interface DemoDataLoader {

    /** Lower runs first: the organisation (directory) before anything that refers to people. */
    int order();

    void load();
}
