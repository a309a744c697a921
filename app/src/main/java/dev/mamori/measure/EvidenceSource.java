package dev.mamori.measure;

/**
 * Evidence computed from Mamori's own records instead of typed in (pledges signed, regulation acknowledged,
 * access reviewed, audit trail kept). Modules implement it as a Spring bean; a selection refers to it by
 * {@link #key()}. Implementations answer for the signed-in reader and should need one or two queries.
 */
public interface EvidenceSource {

    /** Stable key, e.g. {@code ledger.trail}. */
    String key();

    /** Message key of the source's name. */
    String messageKey();

    /** The evidence as the records show it now. */
    EvidenceSummary current();
}
