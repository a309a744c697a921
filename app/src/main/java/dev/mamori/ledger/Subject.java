package dev.mamori.ledger;

import java.util.Objects;

/**
 * What a ledger entry is about: a type such as {@code person} or {@code account} and its id.
 */
public record Subject(String type, String id) {

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Subject of(String type, Object id) {
        return new Subject(type, String.valueOf(id));
    }
}
