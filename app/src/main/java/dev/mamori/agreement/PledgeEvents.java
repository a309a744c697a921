package dev.mamori.agreement;

/**
 * Events of the pledge register, published in the transaction of the change; ids and small values only.
 */
public final class PledgeEvents {

    private PledgeEvents() {
    }

    public record PledgeRequested(long pledgeId, long personId, PledgeKind kind) {
    }

    /** Signed in Mamori ({@code scanned} false) or on paper with the scan recorded ({@code scanned} true). */
    public record PledgeSigned(long pledgeId, long personId, PledgeKind kind, boolean scanned, String documentSha256) {
    }

    public record PledgeRefused(long pledgeId, long personId, PledgeKind kind) {
    }
}
