package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.lifecycle.LeaverChecklist;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StepState;
import dev.mamori.lifecycle.StepView;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The leaver checklist's access steps read the access module's real state: restricted once the leave-notice
 * restriction is applied (the 極秘 grant ended, the other flagged), ended once no grant is live and the
 * person's API tokens are revoked, no delegation to or from them is live, no request of theirs is pending and
 * none waits for their approval; a step answered by access cannot be confirmed by hand.
 */
@MamoriTest
class AccessLeaverStepsTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired Lifecycle lifecycle;
    @Autowired ApiTokens tokens;
    @Autowired dev.mamori.ledger.Ledger ledger;

    @Test
    void theAccessStepsFollowTheGrantsAndTokensOfTheLeaver() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails leaver = w.outsider();
        long person = leaver.personId();
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person), AccessLevel.VIEW, "試作", null, null)));
        as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(person), AccessLevel.VIEW, "試作", null, null)));
        tokens.issue(leaver.accountId(), "file server", Instant.now().plus(1, ChronoUnit.DAYS));
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);
        lifecycle.leaveNotified(person, today, today.plusDays(10));

        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).status()).isEqualTo(StepState.Status.PENDING);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).source()).isEqualTo("access");
        assertThat(step(hr, person, LeaverStep.ACCESS_ENDED).status()).isEqualTo(StepState.Status.PENDING);

        access.applyLeaveNotice(person);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).status()).isEqualTo(StepState.Status.DONE);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).on()).isEqualTo(today);
        // one grant is still live (flagged) and a token is active: access has not ended yet
        assertThat(step(hr, person, LeaverStep.ACCESS_ENDED).status()).isEqualTo(StepState.Status.PENDING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(person, LeaverStep.ACCESS_ENDED, StepState.Status.DONE, null, "確認", dev.mamori.lifecycle.Upload.none());
            return null;
        })).isInstanceOf(dev.mamori.platform.InvalidInputException.class);

        access.applyLeft(person);
        StepState ended = step(hr, person, LeaverStep.ACCESS_ENDED);
        assertThat(ended.status()).isEqualTo(StepState.Status.DONE);
        assertThat(ended.source()).isEqualTo("access");
    }

    @Test
    void accessHasNotEndedWhileADelegationARequestOrAnApprovalOfTheLeaverRemains() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);
        // the leaver co-manages the department: requests on its entries wait for them too
        MamoriUserDetails leaver = w.reg.manager(w.dept);
        long person = leaver.personId();
        AccessWorld.run(hr, () -> directory.assignManagers(w.dept, java.util.List.of(w.manager.personId(), person)));
        MamoriUserDetails deputy = w.reg.employee(w.dept);
        MamoriUserDetails requester = w.outsider();
        Delegation given = as(leaver, () -> access.delegate(deputy.personId(), today.plusDays(3), today.plusDays(9)));
        Delegation received = as(w.manager, () -> access.delegate(person, today, today.plusDays(5)));
        AccessRequest waiting = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "監査対応のため", null, null, null, null)));
        AccessWorld other = new AccessWorld(directory, inventory, users);
        AccessRequest own = as(leaver, () -> access.submit(new RequestDraft(RequestKind.ACCESS, other.topSecret,
                AccessLevel.VIEW, "共同開発のため", null, null, null, null)));

        lifecycle.leaveNotified(person, today, today.plusDays(10));
        StepState before = step(hr, person, LeaverStep.ACCESS_ENDED);
        assertThat(before.status()).isEqualTo(StepState.Status.PENDING);
        assertThat(before.note()).contains("delegations 2", "own requests pending 1", "requests awaiting their approval 1");

        access.applyLeft(person);
        // leaving revokes both delegations and withdraws the leaver's own request, in the ledger
        assertThat(as(w.manager, () -> access.myDelegations())).filteredOn(d -> d.id() == received.id())
                .singleElement().satisfies(d -> assertThat(d.revoked()).isTrue());
        assertThat(ledger.historyOf(dev.mamori.ledger.Subject.of("delegation", given.id())))
                .extracting(e -> e.action()).contains("access.delegation.revoked");
        assertThat(ledger.historyOf(dev.mamori.ledger.Subject.of("delegation", received.id())))
                .anySatisfy(e -> assertThat(e.detailsJson()).contains("PERSON_LEFT"));
        assertThat(as(other.manager, () -> access.request(own.id())).status()).isEqualTo(AccessRequest.Status.WITHDRAWN);
        // the request on the department's entry still waits for the leaver: the step says so
        StepState left = step(hr, person, LeaverStep.ACCESS_ENDED);
        assertThat(left.status()).isEqualTo(StepState.Status.PENDING);
        assertThat(left.note()).contains("grants 0", "tokens 0", "delegations 0", "own requests pending 0",
                "requests awaiting their approval 1");

        // the department's managers no longer include the leaver: the request goes to the other manager only
        AccessWorld.run(hr, () -> directory.assignManagers(w.dept, java.util.List.of(w.manager.personId())));
        StepState ended = step(hr, person, LeaverStep.ACCESS_ENDED);
        assertThat(ended.status()).isEqualTo(StepState.Status.DONE);
        assertThat(ended.note()).contains("requests awaiting their approval 0");
        assertThat(as(w.manager, () -> access.inbox())).extracting(AccessRequest::id).contains(waiting.id());
    }

    private StepState step(MamoriUserDetails hr, long person, LeaverStep step) {
        LeaverChecklist c = as(hr, () -> lifecycle.checklist(person));
        return c.steps().stream().filter(s -> s.step() == step).map(StepView::state).findFirst().orElseThrow();
    }
}
