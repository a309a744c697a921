package dev.mamori.policy;

import java.util.List;
import java.util.Set;

/**
 * The standard's answer.
 *
 * @param approvalBy  whose approval is needed first (NONE when none)
 * @param obligations what the person must do when acting
 * @param ruleIds     the rules that produced the answer (empty when no rule applies)
 * @param sources     where those rules come from
 * @param reasonKey   message key of the human-readable reason, with {@code reasonArgs}
 */
public record PolicyDecision(Outcome outcome, Approver approvalBy, Set<Obligation> obligations, List<String> ruleIds,
                             List<String> sources, String reasonKey, List<String> reasonArgs) {

    public PolicyDecision {
        obligations = Set.copyOf(obligations);
        ruleIds = List.copyOf(ruleIds);
        sources = List.copyOf(sources);
        reasonArgs = List.copyOf(reasonArgs);
    }

    public boolean allowed() {
        return outcome != Outcome.DENY;
    }
}
