package dev.mamori.directory.internal.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file holds: people (従業員等) or departments (部署).
 */
public enum ImportKind {
    PEOPLE,
    DEPARTMENTS;

    /** The lower-case name used in URLs and forms ({@code people}, {@code departments}). */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "directory.import.kind." + path();
    }

    /** The columns of this kind in the order exports write them. */
    public List<Column> columns() {
        return Column.of(this);
    }

    public static Optional<ImportKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ImportKind kind : values()) {
            if (kind.path().equalsIgnoreCase(text.strip()) || kind.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
