package dev.mamori.ledger;

import java.time.LocalDate;

/**
 * Filter for the audit trail; blank or null fields do not filter. {@code action} matches a prefix,
 * so {@code directory.person} finds every person action. Dates are inclusive, in Japan time.
 */
public record LedgerQuery(String subjectType, String subjectId, String actor, String action,
                          LocalDate from, LocalDate to) {

    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null);
    }

    public static LedgerQuery about(Subject subject) {
        return new LedgerQuery(subject.type(), subject.id(), null, null, null, null);
    }
}
