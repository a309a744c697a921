package dev.mamori.directory.internal;

import dev.mamori.ledger.AuditRecord;

/**
 * One change to the organisation as it is told: the ledger entry recorded and the event published.
 */
public record Change(AuditRecord record, Object event) {
}
