package dev.mamori.access;

import java.util.List;
import java.util.Set;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;

/**
 * The answer of {@link AccessChecks}.
 *
 * @param permitted   true only when the person may act now without a further approval (the outcome is not
 *                    DENY and nobody's approval is needed); the obligations still apply
 * @param outcome     the decision
 * @param approvalBy  whose approval is needed first (NONE when none, or when refused)
 * @param obligations what the person must do when acting
 * @param levelCode   the entry's level (null when not designated or unknown)
 * @param reasonKey   message key of the reason ({@code access.check.*} or {@code policy.decision.*})
 * @param reasonArgs  its arguments
 */
public record AccessCheck(boolean permitted, Outcome outcome, Approver approvalBy, Set<Obligation> obligations,
                          String levelCode, String reasonKey, List<String> reasonArgs) {

    public AccessCheck {
        obligations = Set.copyOf(obligations);
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** A refusal with the reason. */
    public static AccessCheck refused(String levelCode, String reasonKey, List<String> reasonArgs) {
        return new AccessCheck(false, Outcome.DENY, Approver.NONE, Set.of(), levelCode, reasonKey, reasonArgs);
    }
}
