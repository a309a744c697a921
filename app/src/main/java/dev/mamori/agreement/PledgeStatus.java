package dev.mamori.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's standing with one kind of pledge, from their most recent pledge of that kind ({@code NONE}
 * with nulls when never asked).
 *
 * @param pledgeId     the pledge the state comes from (null for NONE)
 * @param requestedAt  when it was asked for
 * @param dueOn        by when it should be signed
 * @param signedAt     when it was signed (in Mamori, or the scan's recording time)
 * @param refusedAt    when the refusal was recorded
 * @param validUntil   the end of the obligation's term when it has one (null: no end date)
 * @param survivesLeaving whether the obligation lasts after the person leaves
 */
public record PledgeStatus(long personId, PledgeKind kind, PledgeState state, Long pledgeId, Instant requestedAt,
                           LocalDate dueOn, Instant signedAt, Instant refusedAt, LocalDate validUntil,
                           boolean survivesLeaving) {

    public static PledgeStatus none(long personId, PledgeKind kind) {
        return new PledgeStatus(personId, kind, PledgeState.NONE, null, null, null, null, null, null, false);
    }
}
