package dev.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;

/**
 * The index in plain Java: an approved request permits exactly its act until its minute, only while the entry
 * keeps its level; a notice of leaving restricts the configured level by every path.
 */
class AccessIndexApprovalTests {

    static final long PERSON = 11;
    static final long ENTRY = 21;
    static final int NOW = 1_000_000;

    /** A standard that asks the manager's approval for everything but viewing, and forbids disposal. */
    static final Function<DecisionRequest, PolicyDecision> POLICY = r -> r.action() == Action.DISPOSE
            ? new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), List.of(), List.of(), "deny", List.of())
            : r.action() == Action.VIEW && r.accessHolder()
            ? new PolicyDecision(Outcome.ALLOW, Approver.NONE, Set.of(), List.of(), List.of(), "allow", List.of())
            : new PolicyDecision(Outcome.ALLOW_WITH_CONDITIONS, Approver.MANAGER, Set.of(Obligation.MARK_LEVEL),
                    List.of(), List.of(), "approval", List.of());

    AccessIndex index() {
        AccessIndex index = new AccessIndex(8, 8, 8);
        index.putDepartment(1, null, new long[0]);
        index.putPerson(PERSON, false, new long[] {1}, 0, new long[0]);
        index.putAsset(ENTRY, "TOP_SECRET", 1, 99, false, List.of(new AccessIndex.Holder(AccessIndex.PERSON, PERSON)));
        return index;
    }

    AccessCheck ask(AccessIndex index, Action action, Medium medium, Location location, Recipient recipient, int minute) {
        return Decisions.decide(index, POLICY, new AccessQuestion(PERSON, action, ENTRY, medium, location, recipient), minute);
    }

    @Test
    void anApprovalPermitsItsActUntilItsMinuteAndWhileTheLevelStays() {
        AccessIndex index = index();
        assertThat(ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, null, NOW).permitted()).isFalse();
        index.addApproval(PERSON, new AccessIndex.Approval(7, ENTRY, Action.TAKE_OUT, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, Recipient.NONE, "TOP_SECRET", NOW + 60), NOW);

        AccessCheck approved = ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, null, NOW);
        assertThat(approved.permitted()).isTrue();
        assertThat(approved.approvalBy()).isEqualTo(Approver.NONE);
        assertThat(approved.obligations()).containsExactly(Obligation.MARK_LEVEL);
        assertThat(approved.reasonArgs()).containsExactly("7");
        assertThat(ask(index, Action.TAKE_OUT, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, Recipient.NONE, NOW + 59)
                .permitted()).isTrue();
        // not after its minute, not in another form, place or to someone else, not another act
        assertThat(ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, null, NOW + 60).permitted()).isFalse();
        assertThat(ask(index, Action.TAKE_OUT, Medium.DOCUMENT, Location.OUTSIDE_OFFICE, null, NOW).permitted()).isFalse();
        assertThat(ask(index, Action.TAKE_OUT, null, Location.INSIDE_OFFICE, null, NOW).permitted()).isFalse();
        assertThat(ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, Recipient.THIRD_PARTY, NOW).permitted()).isFalse();
        assertThat(ask(index, Action.COPY, null, Location.OUTSIDE_OFFICE, null, NOW).permitted()).isFalse();
        // the entry moved to another level: the approval was for the old one
        index.putAsset(ENTRY, "CONFIDENTIAL", 1, 99, false, List.of(new AccessIndex.Holder(AccessIndex.PERSON, PERSON)));
        assertThat(ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, null, NOW).permitted()).isFalse();
    }

    @Test
    void anApprovalNeverOverridesARefusal() {
        AccessIndex index = index();
        index.addApproval(PERSON, new AccessIndex.Approval(8, ENTRY, Action.DISPOSE, Medium.ELECTRONIC,
                Location.INSIDE_OFFICE, Recipient.NONE, "TOP_SECRET", NOW + 60), NOW);
        assertThat(ask(index, Action.DISPOSE, null, null, null, NOW).permitted()).isFalse();
        index.setLeft(PERSON, true);
        index.addApproval(PERSON, new AccessIndex.Approval(9, ENTRY, Action.COPY, Medium.ELECTRONIC,
                Location.INSIDE_OFFICE, Recipient.NONE, "TOP_SECRET", NOW + 60), NOW);
        assertThat(ask(index, Action.COPY, null, null, null, NOW).reasonKey()).isEqualTo("access.check.personLeft");
    }

    @Test
    void aNoticeOfLeavingRestrictsTheConfiguredLevelByEveryPath() {
        AccessIndex index = index();
        assertThat(ask(index, Action.VIEW, null, null, null, NOW).permitted()).isTrue(); // a designated holder
        index.setLeavingRule(false, "TOP_SECRET");
        index.setLeaving(PERSON, true);
        assertThat(ask(index, Action.VIEW, null, null, null, NOW).reasonKey()).isEqualTo("access.check.personLeaving");
        index.setLeavingRule(false, "CONFIDENTIAL");
        assertThat(ask(index, Action.VIEW, null, null, null, NOW).permitted()).isTrue();
        index.setLeavingRule(true, null);
        assertThat(ask(index, Action.VIEW, null, null, null, NOW).permitted()).isFalse();
        index.setLeaving(PERSON, false); // the notice withdrawn
        assertThat(ask(index, Action.VIEW, null, null, null, NOW).permitted()).isTrue();
    }

    @Test
    void anApprovalTakenBackNoLongerPermitsAndTheOthersStay() {
        AccessIndex index = index();
        index.addApproval(PERSON, new AccessIndex.Approval(7, ENTRY, Action.TAKE_OUT, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, Recipient.NONE, "TOP_SECRET", NOW + 60), NOW);
        index.addApproval(PERSON, new AccessIndex.Approval(8, ENTRY, Action.PRINT, Medium.ELECTRONIC,
                Location.INSIDE_OFFICE, Recipient.NONE, "TOP_SECRET", NOW + 60), NOW);

        index.removeApproval(PERSON, 7);

        assertThat(ask(index, Action.TAKE_OUT, null, Location.OUTSIDE_OFFICE, null, NOW).permitted()).isFalse();
        assertThat(ask(index, Action.PRINT, null, Location.INSIDE_OFFICE, null, NOW).reasonArgs()).containsExactly("8");
        index.removeApproval(PERSON, 7); // again: nothing happens
        index.removeApproval(PERSON, 8);
        assertThat(ask(index, Action.PRINT, null, Location.INSIDE_OFFICE, null, NOW).permitted()).isFalse();
    }

    @Test
    void aGrantAddedAgainIsHeldOnceWithItsNewPeriod() {
        AccessIndex index = new AccessIndex(8, 8, 8);
        index.putDepartment(1, null, new long[0]);
        index.putPerson(PERSON, false, new long[] {1}, 0, new long[0]);
        index.putAsset(ENTRY, "CONFIDENTIAL", 1, 99, false, List.of());
        AccessIndex.Holder holder = new AccessIndex.Holder(AccessIndex.PERSON, PERSON);
        index.addGrant(5, ENTRY, holder, dev.mamori.access.AccessLevel.VIEW.ordinal(), NOW - 10, (long) NOW + 10);
        // read again, e.g. after the demo company was loaded: the same grant, now ending earlier
        index.addGrant(5, ENTRY, holder, dev.mamori.access.AccessLevel.VIEW.ordinal(), NOW - 10, (long) NOW + 1);

        assertThat(index.liveGrants()).isEqualTo(1);
        assertThat(ask(index, Action.VIEW, null, Location.INSIDE_OFFICE, null, NOW).permitted()).isTrue();
        assertThat(ask(index, Action.VIEW, null, Location.INSIDE_OFFICE, null, NOW + 5).permitted()).isFalse();
        index.removeGrant(5, ENTRY, holder);
        assertThat(index.liveGrants()).isZero();
        assertThat(ask(index, Action.VIEW, null, Location.INSIDE_OFFICE, null, NOW).permitted()).isFalse();
    }
}
