package dev.mamori.policy;

import java.time.LocalDate;
import java.util.Set;

/**
 * A 管理責任者's request for an exception to one rule for their department's entries. Null fields leave the
 * rule as it is; {@code waivedObligations} are dropped from the rule's obligations (also outside the office).
 *
 * @param endsOn the last day the exception applies (null: until revoked)
 */
public record ExceptionDraft(String levelCode, Aspect aspect, Medium medium, Long departmentId, Permitted permitted,
                             Approver approval, Boolean prohibited, Set<Obligation> waivedObligations, String reason,
                             LocalDate endsOn) {

    public ExceptionDraft {
        waivedObligations = waivedObligations == null ? Set.of() : Set.copyOf(waivedObligations);
    }
}
