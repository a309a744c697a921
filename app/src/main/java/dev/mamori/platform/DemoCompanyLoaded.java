package dev.mamori.platform;

/**
 * The demo company was loaded (published inside the loading transaction, after every {@link DemoDataLoader}).
 * The loaders write straight into their modules' tables, mostly without the events a user's changes publish, so a
 * module that keeps a cache of other modules' data reads it again once this transaction has committed.
 */
public record DemoCompanyLoaded() {
}
