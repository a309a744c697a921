package dev.mamori.policy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The handling of one cell of the standard as the editor sends it. Null sets are empty and a null prohibition
 * is false; an outside-office
 * obligation that is already an obligation is dropped.
 */
public record RuleDraft(Permitted permitted, Approver approval, Boolean prohibited, Set<Obligation> obligations,
                        Set<Obligation> outsideOfficeObligations) {

    public RuleDraft {
        prohibited = Boolean.TRUE.equals(prohibited);
        obligations = obligations == null ? Set.of() : Set.copyOf(obligations);
        Set<Obligation> outside = outsideOfficeObligations == null || outsideOfficeObligations.isEmpty()
                ? EnumSet.noneOf(Obligation.class) : EnumSet.copyOf(outsideOfficeObligations);
        outside.removeAll(obligations);
        outsideOfficeObligations = Set.copyOf(outside);
    }

    public static RuleDraft of(HandlingRule r) {
        return new RuleDraft(r.permitted(), r.approval(), r.prohibited(), r.obligations(), r.outsideOfficeObligations());
    }
}
