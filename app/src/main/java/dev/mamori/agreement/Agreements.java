package dev.mamori.agreement;

import java.util.List;

/**
 * The agreement module's API for other modules (the lifecycle workflows read and ask for pledges here).
 * Reads need no signed-in user; asking for a pledge is recorded in the ledger as
 * {@code agreement.pledge.requested} and made by whoever is acting (or the system).
 */
public interface Agreements {

    /** The person's standing with a kind of pledge, from their most recent pledge of that kind. */
    PledgeStatus pledgeStatus(long personId, PledgeKind kind);

    /** The person's standing with every kind of pledge, in {@link PledgeKind} order. */
    List<PledgeStatus> pledgeStatuses(long personId);

    /** Whether the person has signed an obligation that lasts after leaving and is still in force. */
    boolean hasLastingObligation(long personId);

    /**
     * Asks a person for a pledge generated from the newest template of its kind; returns the pledge id. A
     * pending pledge of the same kind (and project) is replaced by the new one.
     */
    long requestPledge(PledgeDraft draft);
}
