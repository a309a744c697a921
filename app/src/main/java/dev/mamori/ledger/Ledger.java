package dev.mamori.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's API. Recording joins the caller's transaction, so an entry commits or rolls back
 * with the change it describes; nothing ever updates or deletes an entry.
 */
public interface Ledger {

    /** Records a change made by whoever is acting now; returns its sequence number. */
    long record(String action, Subject subject, Map<String, ?> details);

    /** Records a change attributed to the given actor. */
    long record(Actor actor, AuditRecord record);

    /** Records many changes by the current actor in one batch (imports). */
    void recordAll(List<AuditRecord> records);

    LedgerPage search(LedgerQuery query, int page, int size);

    /** Every entry about one subject, oldest first. */
    List<LedgerEntry> historyOf(Subject subject);

    long count();

    /** The latest signed checkpoint with its time-stamp, if any checkpoint exists yet. */
    Optional<CheckpointSummary> latestCheckpoint();
}
