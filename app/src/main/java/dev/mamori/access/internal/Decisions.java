package dev.mamori.access.internal;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.policy.Policy;

/** The check as a plain function of an index and a policy, for the benchmark and the index's tests. */
public final class Decisions {

    private Decisions() {
    }

    public static AccessCheck decide(AccessIndex index, Policy policy, AccessQuestion question, int nowMinute) {
        return IndexedAccessChecks.decide(index, policy, question, nowMinute);
    }
}
