package dev.mamori.ledger;

import java.time.Instant;

/**
 * A recorded entry as read back: sequence number, time, actor, action, subject and details as JSON.
 */
public record LedgerEntry(long seq, Instant recordedAt, Actor actor, String action, Subject subject,
                          String detailsJson) {
}
