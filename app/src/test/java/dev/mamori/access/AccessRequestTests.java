package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.mamori.access.internal.AccessSettings;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Obligation;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
@EnableScenarios
class AccessRequestTests {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired AccessSettings settings;
    @Autowired Ledger ledger;

    @AfterEach
    void fourEyesOff() {
        settings.setFourEyes(false);
    }

    MamoriUserDetails holder(AccessWorld w) {
        return w.downloadHolder(access);
    }

    RequestDraft takeOut(long asset) {
        return new RequestDraft(RequestKind.TAKE_OUT, asset, null, "顧客先での説明", null, null, null, null);
    }

    @Test
    void anAccessRequestApprovedByTheManagerCreatesAGrant(Scenario scenario) {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails requester = w.outsider();
        AccessRequest r = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "設計レビューに参加するため", null, null, null, null)));
        assertThat(r.status()).isEqualTo(AccessRequest.Status.PENDING);
        assertThat(as(w.manager, () -> access.inbox())).extracting(AccessRequest::id).contains(r.id());

        scenario.stimulate(() -> as(w.manager, () -> access.approve(r.id(), "了承")))
                .andWaitForEventOfType(AccessEvents.AccessRequestApproved.class)
                .matching(e -> e.requestId() == r.id())
                .toArriveAndVerify(e -> assertThat(e.grantId()).isNotNull());

        AccessRequest done = as(requester, () -> access.request(r.id()));
        assertThat(done.status()).isEqualTo(AccessRequest.Status.APPROVED);
        assertThat(checks.check(AccessQuestion.of(requester.personId(), Action.VIEW, w.topSecret)).outcome())
                .isNotEqualTo(dev.mamori.policy.Outcome.DENY);
        assertThat(ledger.historyOf(Subject.of("accessRequest", r.id()))).extracting(e -> e.action())
                .containsExactly("access.request.submitted", "access.request.approved");
    }

    @Test
    void aTakeOutIsRoutedByThePolicyWithItsObligations() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessCheck before = checks.check(AccessQuestion.of(h.personId(), Action.TAKE_OUT, w.topSecret));
        assertThat(before.permitted()).isFalse();
        assertThat(before.approvalBy()).isEqualTo(Approver.MANAGER);

        AccessRequest r = as(h, () -> access.submit(takeOut(w.topSecret)));
        assertThat(r.obligations()).contains(Obligation.CARRY_PERSONALLY);
        assertThat(r.approvalsNeeded()).isEqualTo(1);
        // an action the policy allows without approval is not requested; one it forbids cannot be
        assertThatThrownBy(() -> as(h, () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, w.confidential, null,
                "理由", null, null, null, null)))).isInstanceOf(ConflictException.class);
        MamoriUserDetails stranger = w.outsider();
        assertThatThrownBy(() -> as(stranger, () -> access.submit(takeOut(w.topSecret)))).isInstanceOf(ConflictException.class);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestNorCanAnUnrelatedManager() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessRequest r = as(h, () -> access.submit(takeOut(w.topSecret)));
        assertThatThrownBy(() -> as(h, () -> access.approve(r.id(), null))).isInstanceOf(AccessRefusedException.class);
        MamoriUserDetails otherManager = w.reg.manager(w.reg.department(null));
        assertThatThrownBy(() -> as(otherManager, () -> access.approve(r.id(), null))).isInstanceOf(AccessRefusedException.class);
        assertThat(as(otherManager, () -> access.inbox())).extracting(AccessRequest::id).doesNotContain(r.id());
        AccessRequest rejected = as(w.manager, () -> access.reject(r.id(), "必要性が不明"));
        assertThat(rejected.status()).isEqualTo(AccessRequest.Status.REJECTED);
    }

    @Test
    void aDelegateApprovesWhileTheManagerIsAwayAndOnlyWithinThePeriod() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        MamoriUserDetails deputy = w.reg.employee(w.dept);
        AccessRequest r = as(h, () -> access.submit(takeOut(w.topSecret)));
        assertThatThrownBy(() -> as(deputy, () -> access.approve(r.id(), null))).isInstanceOf(AccessRefusedException.class);

        LocalDate today = LocalDate.now(Directory.JAPAN);
        Delegation d = as(w.manager, () -> access.delegate(deputy.personId(), today, today.plusDays(7)));
        // the deputy is told who asked them, and for when
        String manager = directory.findPerson(w.manager.personId()).orElseThrow().name();
        assertThat(jdbc.sql("select array_to_string(args, '|') from platform.notification where account_id = ?"
                        + " and message_key = 'access.notice.delegated'").param(deputy.accountId()).query(String.class).list())
                .containsExactly(manager + "|" + today + "|" + today.plusDays(7));
        assertThat(as(deputy, () -> access.inbox())).extracting(AccessRequest::id).contains(r.id());
        AccessRequest approved = as(deputy, () -> access.approve(r.id(), "代理承認"));
        assertThat(approved.status()).isEqualTo(AccessRequest.Status.APPROVED);
        assertThat(approved.steps()).singleElement().satisfies(s -> {
            assertThat(s.personId()).isEqualTo(deputy.personId());
            assertThat(s.onBehalfOf()).isEqualTo(w.manager.personId());
        });

        AccessWorld.run(w.manager, () -> access.endDelegation(d.id()));
        // the approved 持出し stands; another request (by e-mail this time) cannot be approved by the former deputy
        AccessRequest next = as(h, () -> access.submit(new RequestDraft(RequestKind.EMAIL_OUTSIDE, w.topSecret, null,
                "顧客へ送付", null, null, null, null)));
        assertThatThrownBy(() -> as(deputy, () -> access.approve(next.id(), null))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void fourEyesAtTheHighestLevelNeedsTwoDistinctApprovers() {
        settings.setFourEyes(true);
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessRequest r = as(h, () -> access.submit(takeOut(w.topSecret)));
        assertThat(r.approvalsNeeded()).isEqualTo(2);

        AccessRequest first = as(w.manager, () -> access.approve(r.id(), "一人目"));
        assertThat(first.status()).isEqualTo(AccessRequest.Status.PENDING);
        assertThatThrownBy(() -> as(w.manager, () -> access.approve(r.id(), "二回目"))).isInstanceOf(ConflictException.class);

        MamoriUserDetails chief = users.create(w.reg.person(w.reg.department(null)),
                java.util.List.of(new dev.mamori.platform.internal.security.RoleGrant(Role.CHIEF_OFFICER, null)));
        AccessRequest second = as(chief, () -> access.approve(r.id(), "二人目"));
        assertThat(second.status()).isEqualTo(AccessRequest.Status.APPROVED);
        assertThat(second.steps()).extracting(AccessRequest.Step::personId)
                .containsExactly(w.manager.personId(), chief.personId());
    }

    @Test
    void theRequesterWithdrawsAPendingRequestAndNobodyElseCan() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessRequest r = as(h, () -> access.submit(takeOut(w.topSecret)));
        assertThatThrownBy(() -> as(w.manager, () -> access.withdraw(r.id()))).isInstanceOf(AccessRefusedException.class);
        assertThat(as(h, () -> access.withdraw(r.id())).status()).isEqualTo(AccessRequest.Status.WITHDRAWN);
        assertThat(as(h, () -> access.myRequests())).extracting(AccessRequest::id).contains(r.id());
    }
}
