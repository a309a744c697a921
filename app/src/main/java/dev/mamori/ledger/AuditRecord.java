package dev.mamori.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One change to record. {@code action} is a dotted name starting with the module id
 * ({@code directory.person.transferred}); details are small JSON-serialisable values.
 */
public record AuditRecord(String action, Subject subject, Map<String, Object> details) {

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        details = details == null ? Map.of() : new TreeMap<>(details);
    }

    public static AuditRecord of(String action, Subject subject, Map<String, ?> details) {
        return new AuditRecord(action, subject, details == null ? null : new TreeMap<>(details));
    }
}
