package dev.mamori.access.internal;

import java.util.function.Function;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.PolicyDecision;

/** The check as a plain function of an index and a policy, for the benchmark and the index's tests. */
public final class Decisions {

    private Decisions() {
    }

    public static AccessCheck decide(AccessIndex index, Function<DecisionRequest, PolicyDecision> policy,
                                     AccessQuestion question, int nowMinute) {
        return IndexedAccessChecks.decide(index, policy, question, nowMinute);
    }
}
