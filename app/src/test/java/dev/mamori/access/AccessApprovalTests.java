package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mamori.access.internal.AccessSettings;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Deciding a request holds up: two decisions on one request take turns (one grant, not two), an approval
 * checks again that the request still stands and needs as many approvers as the entry needs now, an approved
 * request other than ACCESS lets its requester do exactly what was asked for its period, and nobody grants
 * access to themselves.
 */
@MamoriTest
class AccessApprovalTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired AccessSettings settings;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void fourEyesOff() {
        settings.setFourEyes(false);
    }

    MamoriUserDetails holder(AccessWorld w) {
        return w.downloadHolder(access);
    }

    RequestDraft accessTo(long asset) {
        return new RequestDraft(RequestKind.ACCESS, asset, AccessLevel.VIEW, "レビューのため", null, null, null, null);
    }

    /** A 統括責任者 who is a person (approvers act as people). */
    MamoriUserDetails chief(AccessWorld w) {
        return users.create(w.reg.person(w.reg.department(null)),
                List.of(new dev.mamori.platform.internal.security.RoleGrant(Role.CHIEF_OFFICER, null)));
    }

    long grantsFrom(long requestId) {
        return jdbc.sql("select count(*) from access.entry_grant where request_id = ?").param(requestId)
                .query(Long.class).single();
    }

    @Test
    void twoApprovalsOfOneRequestAtOnceMakeOneGrantAndTheOtherIsToldItWasDecided() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails requester = w.outsider();
        MamoriUserDetails chief = chief(w);
        for (int round = 0; round < 5; round++) {
            AccessRequest r = as(requester, () -> access.submit(accessTo(w.topSecret)));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (MamoriUserDetails approver : List.of(w.manager, chief)) {
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        as(approver, () -> access.approve(r.id(), "承認"));
                        return "approved";
                    } catch (ConflictException e) {
                        return e.messageKey();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(results).containsExactlyInAnyOrder("approved", "access.request.notPending");
            assertThat(grantsFrom(r.id())).isEqualTo(1);
            assertThat(as(requester, () -> access.request(r.id())).steps()).hasSize(1);
            // the grant is ended again so the next round may ask anew
            long grant = jdbc.sql("select id from access.entry_grant where request_id = ?").param(r.id()).query(Long.class).single();
            AccessWorld.run(w.manager, () -> access.revoke(grant, "次の回のため"));
        }
    }

    @Test
    void aRequestWhoseEntryWasDisposedOfOrWhoseLastDayPassedCannotBeApproved() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails requester = w.outsider();
        AccessRequest late = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "短期", LocalDate.now(Directory.JAPAN), null, null, null)));
        jdbc.sql("update access.request set until_on = until_on - 2 where id = ?").param(late.id()).update();
        assertThatThrownBy(() -> as(w.manager, () -> access.approve(late.id(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.untilPassed");

        AccessRequest r = as(requester, () -> access.submit(accessTo(w.confidential)));
        MamoriUserDetails witness = w.reg.employee(w.dept);
        as(w.manager, () -> {
            inventory.moveStage(w.confidential, dev.mamori.inventory.Stage.IN_USE);
            inventory.markUnneeded(w.confidential, "販売終了");
            inventory.dispose(w.confidential, new dev.mamori.inventory.Disposal("シュレッダー", inventory.today(),
                    w.manager.personId(), witness.personId()));
            return null;
        });
        assertThatThrownBy(() -> as(w.manager, () -> access.approve(r.id(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.entryDisposed");
        assertThat(as(requester, () -> access.request(r.id())).status()).isEqualTo(AccessRequest.Status.PENDING);
        assertThat(grantsFrom(r.id())).isZero();
        // rejecting it still works
        assertThat(as(w.manager, () -> access.reject(r.id(), "廃棄済み")).status()).isEqualTo(AccessRequest.Status.REJECTED);
    }

    @Test
    void onTheInboxPageARefusedApprovalKeepsTheTypedNoteAndSaysWhy() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails requester = w.outsider();
        AccessRequest r = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "短期", LocalDate.now(Directory.JAPAN), null, null, null)));
        jdbc.sql("update access.request set until_on = until_on - 2 where id = ?").param(r.id()).update();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/access/inbox/{id}/approve", r.id())
                        .with(TestUsers.as(w.manager))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("note", "内容を確認しました"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("内容を確認しました"),
                                org.hamcrest.Matchers.containsString("利用期限"))));
        assertThat(as(requester, () -> access.request(r.id())).status()).isEqualTo(AccessRequest.Status.PENDING);
    }

    @Test
    void fourEyesTurnedOnAfterARequestWasFiledStillNeedsTwoApprovers() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails requester = w.outsider();
        MamoriUserDetails chief = chief(w);
        AccessRequest r = as(requester, () -> access.submit(accessTo(w.topSecret)));
        assertThat(r.approvalsNeeded()).isEqualTo(1);
        settings.setFourEyes(true);

        AccessRequest afterOne = as(w.manager, () -> access.approve(r.id(), "一人目"));
        assertThat(afterOne.status()).isEqualTo(AccessRequest.Status.PENDING);
        assertThat(afterOne.approvalsNeeded()).isEqualTo(2);
        assertThat(grantsFrom(r.id())).isZero();
        AccessRequest afterTwo = as(chief, () -> access.approve(r.id(), "二人目"));
        assertThat(afterTwo.status()).isEqualTo(AccessRequest.Status.APPROVED);
        assertThat(grantsFrom(r.id())).isEqualTo(1);
    }

    @Test
    void anApprovedTakeOutLetsTheRequesterTakeItOutAsAskedAndNothingMore() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessQuestion asked = new AccessQuestion(h.personId(), Action.TAKE_OUT, w.topSecret, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, null);
        AccessCheck before = checks.check(asked);
        assertThat(before.permitted()).isFalse();
        assertThat(before.approvalBy()).isNotEqualTo(dev.mamori.policy.Approver.NONE);

        LocalDate lastDay = LocalDate.now(Directory.JAPAN).plusDays(3);
        AccessRequest r = as(h, () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, w.topSecret, null,
                "顧客先での説明", lastDay, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, null)));
        assertThat(r.untilOn()).isEqualTo(lastDay);
        AccessRequest approved = as(w.manager, () -> access.approve(r.id(), "承認"));
        assertThat(approved.approvedUntil()).isEqualTo(lastDay.plusDays(1).atStartOfDay(Directory.JAPAN).toInstant());

        AccessCheck now = checks.check(asked);
        assertThat(now.permitted()).isTrue();
        assertThat(now.reasonKey()).isEqualTo("access.check.approvedRequest");
        assertThat(now.reasonArgs()).containsExactly(String.valueOf(r.id()));
        assertThat(now.obligations()).isEqualTo(before.obligations());
        // only what was asked: not on paper, not another entry, not someone else, not another act
        assertThat(checks.check(new AccessQuestion(h.personId(), Action.TAKE_OUT, w.topSecret, Medium.DOCUMENT,
                Location.OUTSIDE_OFFICE, null)).reasonKey()).isNotEqualTo("access.check.approvedRequest");
        assertThat(checks.check(new AccessQuestion(h.personId(), Action.EMAIL_OUTSIDE, w.topSecret, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, null)).reasonKey()).isNotEqualTo("access.check.approvedRequest");
        MamoriUserDetails other = holder(w);
        assertThat(checks.check(new AccessQuestion(other.personId(), Action.TAKE_OUT, w.topSecret, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, null)).permitted()).isFalse();
        // asking again for what is already approved is not needed
        assertThatThrownBy(() -> as(h, () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, w.topSecret, null,
                "もう一度", null, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, null))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.notNeeded");
    }

    @Test
    void anApprovalWithoutALastDayLastsTheConfiguredValidity() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = holder(w);
        AccessRequest r = as(h, () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, w.topSecret, null,
                "展示会", null, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, null)));
        Instant before = Instant.now();
        AccessRequest approved = as(w.manager, () -> access.approve(r.id(), null));
        Instant after = Instant.now();
        assertThat(approved.approvedUntil())
                .isBetween(before.plus(settings.properties().approvalValidity()), after.plus(settings.properties().approvalValidity()));
    }

    @Test
    void nobodyGrantsAccessToThemselves() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails colleague = w.reg.employee(w.dept);
        assertThatThrownBy(() -> as(w.manager, () -> access.grant(new GrantDraft(w.confidential,
                AccessHolder.person(w.manager.personId()), AccessLevel.EDIT, "自分用", null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("access.grant.selfGrant");
        // someone else may still be given access by the manager
        assertThat(as(w.manager, () -> access.grant(new GrantDraft(w.confidential,
                AccessHolder.person(colleague.personId()), AccessLevel.VIEW, "担当", null, null))).live()).isTrue();
    }
}
