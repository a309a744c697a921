package dev.mamori.access.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessChecks;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.AccessQuestion;
import dev.mamori.policy.Approver;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;

/** {@link AccessChecks} over the in-memory index and the policy's in-memory standard. */
@Component
class IndexedAccessChecks implements AccessChecks {

    private static final AccessCheck NOT_DESIGNATED = new AccessCheck(true, Outcome.ALLOW, Approver.NONE,
            java.util.Set.of(), null, "access.check.notDesignated", List.of());

    private final IndexKeeper keeper;
    private final Policy policy;
    private final Clock clock;

    IndexedAccessChecks(IndexKeeper keeper, Policy policy, Clock clock) {
        this.keeper = keeper;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AccessCheck check(AccessQuestion q) {
        return decide(keeper.index(), policy::decide, q, (int) IndexKeeper.minute(clock.millis()));
    }

    @Override
    public List<AccessCheck> checkAll(List<AccessQuestion> questions) {
        List<AccessCheck> out = new ArrayList<>(questions.size());
        int now = (int) IndexKeeper.minute(clock.millis());
        AccessIndex index = keeper.index();
        for (AccessQuestion q : questions) {
            out.add(decide(index, policy::decide, q, now));
        }
        return out;
    }

    /** The decision for one question (shared with the benchmark through {@link Decisions}). */
    static AccessCheck decide(AccessIndex index, java.util.function.Function<DecisionRequest, PolicyDecision> policy,
                              AccessQuestion q, int nowMinute) {
        if (q.action() == null) {
            return AccessCheck.refused(null, "policy.decision.noAction", List.of());
        }
        AccessIndex.Facts f = index.facts(q.personId(), q.assetId(), nowMinute);
        switch (f.state()) {
            case AccessIndex.UNKNOWN_PERSON:
                return AccessCheck.refused(null, "access.check.unknownPerson", List.of(String.valueOf(q.personId())));
            case AccessIndex.UNKNOWN_ENTRY:
                return AccessCheck.refused(null, "access.check.unknownEntry", List.of(String.valueOf(q.assetId())));
            case AccessIndex.PERSON_LEFT:
                return AccessCheck.refused(f.levelCode(), "access.check.personLeft", List.of());
            case AccessIndex.LEAVE_RESTRICTED:
                return AccessCheck.refused(f.levelCode(), "access.check.personLeaving", List.of());
            case AccessIndex.DISPOSED:
                return AccessCheck.refused(f.levelCode(), "access.check.disposed", List.of());
            case AccessIndex.NOT_DESIGNATED:
                return NOT_DESIGNATED;
            default:
                break;
        }
        AccessLevel required = AccessLevel.requiredFor(q.action());
        boolean holder = f.grantLevel() >= required.ordinal();
        if (!holder && !f.manager() && f.grantLevel() != AccessIndex.NO_GRANT) {
            return AccessCheck.refused(f.levelCode(), "access.check.grantTooNarrow",
                    List.of(AccessLevel.values()[f.grantLevel()].name(), required.name()));
        }
        PolicyDecision d = policy.apply(new DecisionRequest(q.personId(), holder, f.manager(), f.levelCode(), q.action(),
                q.medium(), q.location(), q.recipient(), f.departmentId() == 0 ? null : f.departmentId()));
        if (d.outcome() != Outcome.DENY && d.approvalBy() != Approver.NONE) {
            // approval needed: an approved request of the person's for exactly this act lets them act now
            AccessIndex.Approval approved = index.approval(q.personId(), q.assetId(), q.action(), q.mediumOrDefault(),
                    q.locationOrDefault(), q.recipientOrDefault(), f.levelCode(), nowMinute);
            if (approved != null) {
                return new AccessCheck(true, d.outcome(), Approver.NONE, d.obligations(), f.levelCode(),
                        "access.check.approvedRequest", List.of(String.valueOf(approved.requestId())));
            }
        }
        return new AccessCheck(d.outcome() != Outcome.DENY && d.approvalBy() == Approver.NONE, d.outcome(),
                d.approvalBy(), d.obligations(), f.levelCode(), d.reasonKey(), d.reasonArgs());
    }
}
