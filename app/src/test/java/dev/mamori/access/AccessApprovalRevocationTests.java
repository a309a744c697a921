package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.access.internal.RequestRepository;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * An approval of a request other than ACCESS (持出し here) can be taken back before it runs out — by the entry's
 * 管理責任者 with a reason, or given back by its requester once done — and from then on the check refuses the act;
 * nobody else can take it back, and nothing changes when they try.
 */
@MamoriTest
class AccessApprovalRevocationTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired RequestRepository requests;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    record Approved(AccessWorld world, MamoriUserDetails requester, AccessRequest request, AccessQuestion asked) {
    }

    /** A download holder whose 持出し of the top-secret entry the manager approved for three days. */
    Approved approvedTakeOut() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails h = w.downloadHolder(access);
        AccessRequest r = as(h, () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, w.topSecret, null,
                "顧客先での説明", LocalDate.now(Directory.JAPAN).plusDays(3), Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, null)));
        as(w.manager, () -> access.approve(r.id(), "承認"));
        AccessQuestion asked = new AccessQuestion(h.personId(), Action.TAKE_OUT, w.topSecret, Medium.ELECTRONIC,
                Location.OUTSIDE_OFFICE, null);
        assertThat(checks.check(asked).permitted()).isTrue();
        return new Approved(w, h, r, asked);
    }

    @Test
    void theManagerTakesBackARunningApprovalAndTheCheckRefusesFromThen() {
        Approved a = approvedTakeOut();
        Instant before = Instant.now();

        AccessRequest revoked = as(a.world().manager, () -> access.revokeApproval(a.request().id(), "説明会が中止になったため"));

        assertThat(revoked.status()).isEqualTo(AccessRequest.Status.REVOKED);
        assertThat(revoked.approvedUntil()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(revoked.steps()).extracting(AccessRequest.Step::decision).containsExactly("APPROVED", "REVOKED");
        assertThat(revoked.steps().get(1).note()).isEqualTo("説明会が中止になったため");
        assertThat(revoked.approvals()).isEqualTo(1);
        AccessCheck now = checks.check(a.asked());
        assertThat(now.permitted()).isFalse();
        assertThat(now.reasonKey()).isNotEqualTo("access.check.approvedRequest");
        // an index built again from the database (a restart) does not bring it back
        assertThat(requests.approvedBeyond(Instant.now())).noneMatch(r -> r.id() == a.request().id());
        assertThat(ledger.historyOf(Subject.of("accessRequest", a.request().id()))).extracting(e -> e.action())
                .contains("access.request.approvalRevoked");
        assertThat(jdbc.sql("""
                        select count(*) from platform.notification n join platform.account c on c.id = n.account_id
                        where c.person_id = ? and n.message_key = 'access.notice.approvalRevoked' and ? = any(n.args)""")
                .params(a.requester().personId(), String.valueOf(a.request().id())).query(Long.class).single()).isEqualTo(1);
        // taken back once: a second time is a conflict
        assertThatThrownBy(() -> as(a.world().manager, () -> access.revokeApproval(a.request().id(), "再度")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.notRunning");
        // the requester may ask again
        assertThat(as(a.requester(), () -> access.submit(new RequestDraft(RequestKind.TAKE_OUT, a.world().topSecret,
                null, "日程変更後の説明", null, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, null))).status())
                .isEqualTo(AccessRequest.Status.PENDING);
    }

    @Test
    void theRequesterGivesBackAnApprovalOnceDoneWithoutAReason() {
        Approved a = approvedTakeOut();

        AccessRequest given = as(a.requester(), () -> access.revokeApproval(a.request().id(), null));

        assertThat(given.status()).isEqualTo(AccessRequest.Status.REVOKED);
        assertThat(checks.check(a.asked()).permitted()).isFalse();
        assertThat(given.steps().get(1).personId()).isEqualTo(a.requester().personId());
    }

    @Test
    void nobodyElseTakesItBackAndTheManagerMustSayWhy() {
        Approved a = approvedTakeOut();
        AccessWorld other = new AccessWorld(directory, inventory, users);

        assertThatThrownBy(() -> as(other.manager, () -> access.revokeApproval(a.request().id(), "不要")))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("access.request.notRevoker");
        assertThatThrownBy(() -> as(a.world().outsider(), () -> access.revokeApproval(a.request().id(), "不要")))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> as(a.world().manager, () -> access.revokeApproval(a.request().id(), " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("access.request.revokeNoteRequired");

        assertThat(as(a.requester(), () -> access.request(a.request().id())).status()).isEqualTo(AccessRequest.Status.APPROVED);
        assertThat(checks.check(a.asked()).permitted()).isTrue();
    }

    @Test
    void onlyRunningApprovalsOfOtherKindsThanAccessCanBeTakenBack() {
        Approved a = approvedTakeOut();
        // one that has run out
        jdbc.sql("update access.request set approved_until = now() - interval '1 minute' where id = ?")
                .param(a.request().id()).update();
        assertThatThrownBy(() -> as(a.world().manager, () -> access.revokeApproval(a.request().id(), "期限後")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.notRunning");
        // an ACCESS request's approval is a grant, ended as a grant
        MamoriUserDetails requester = a.world().outsider();
        AccessRequest r = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, a.world().topSecret,
                AccessLevel.VIEW, "確認のため", null, null, null, null)));
        as(a.world().manager, () -> access.approve(r.id(), "承認"));
        assertThatThrownBy(() -> as(a.world().manager, () -> access.revokeApproval(r.id(), "不要")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.revokeAccessKind");
        // a pending one is withdrawn or rejected, not taken back
        AccessRequest pending = as(a.requester(), () -> access.submit(new RequestDraft(RequestKind.EMAIL_OUTSIDE,
                a.world().topSecret, null, "取引先へ送付", null, Medium.ELECTRONIC, Location.INSIDE_OFFICE, null)));
        assertThatThrownBy(() -> as(a.world().manager, () -> access.revokeApproval(pending.id(), "不要")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("access.request.notRunning");
    }

    @Test
    void theEntrysGrantsPageListsRunningApprovalsAndKeepsAMissingReasonsFormFilled() throws Exception {
        Approved a = approvedTakeOut();
        String page = "/access/grants";
        mvc.perform(get(page).param("assetId", String.valueOf(a.world().topSecret)).with(TestUsers.as(a.world().manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("access-approval-" + a.request().id()),
                        containsString("顧客先での説明"), containsString("承認を取り消す"))));
        // an auditor reads the running approvals but is offered no form to take one back
        MamoriUserDetails auditor = users.create(a.world().reg.person(a.world().reg.department(null)),
                java.util.List.of(new dev.mamori.platform.internal.security.RoleGrant(dev.mamori.platform.Role.AUDITOR, null)));
        mvc.perform(get(page).param("assetId", String.valueOf(a.world().topSecret)).with(TestUsers.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("access-approval-" + a.request().id()),
                        org.hamcrest.Matchers.not(containsString("承認を取り消す</button>")))));

        // no reason: the page again, the message beside the row, still approved
        mvc.perform(post("/access/grants/approvals/{id}/revoke", a.request().id()).param("assetId",
                        String.valueOf(a.world().topSecret)).param("note", "").with(TestUsers.as(a.world().manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("承認を取り消す理由を入力してください")));
        assertThat(checks.check(a.asked()).permitted()).isTrue();

        // a manager of another department is refused
        AccessWorld other = new AccessWorld(directory, inventory, users);
        mvc.perform(post("/access/grants/approvals/{id}/revoke", a.request().id()).param("assetId",
                        String.valueOf(a.world().topSecret)).param("note", "不要").with(TestUsers.as(other.manager)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(checks.check(a.asked()).permitted()).isTrue();

        mvc.perform(post("/access/grants/approvals/{id}/revoke", a.request().id()).param("assetId",
                        String.valueOf(a.world().topSecret)).param("note", "中止").with(TestUsers.as(a.world().manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(checks.check(a.asked()).permitted()).isFalse();
    }

    @Test
    void theRequesterGivesItBackFromTheirRequestsPage() throws Exception {
        Approved a = approvedTakeOut();
        mvc.perform(get("/access/requests").with(TestUsers.as(a.requester())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("完了したので承認を返上する")));
        // someone else cannot give it back for them
        mvc.perform(post("/access/requests/{id}/give-back", a.request().id()).with(TestUsers.as(a.world().outsider())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(checks.check(a.asked()).permitted()).isTrue();
        mvc.perform(post("/access/requests/{id}/give-back", a.request().id()).with(TestUsers.as(a.requester())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(checks.check(a.asked()).permitted()).isFalse();
        // a second click says it is no longer running
        mvc.perform(post("/access/requests/{id}/give-back", a.request().id()).with(TestUsers.as(a.requester())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("この承認はすでに有効ではありません")));
    }

    @Test
    void overTheApiTheManagerListsAndTakesBackAndAnOutsiderIsRefused() throws Exception {
        Approved a = approvedTakeOut();
        String outsider = bearer(users.token(a.world().outsider()));
        String manager = bearer(users.token(a.world().manager));

        mvc.perform(get("/api/v1/access/requests").param("runningOn", String.valueOf(a.world().topSecret))
                        .header("Authorization", outsider))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.request.outOfScope"));
        mvc.perform(post("/api/v1/access/requests/{id}/revoke", a.request().id()).header("Authorization", outsider)
                        .contentType("application/json").content("{\"note\":\"不要\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.request.notRevoker"));
        assertThat(checks.check(a.asked()).permitted()).isTrue();

        mvc.perform(get("/api/v1/access/requests").param("runningOn", String.valueOf(a.world().topSecret))
                        .header("Authorization", manager))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(a.request().id()));
        mvc.perform(post("/api/v1/access/requests/{id}/revoke", a.request().id()).header("Authorization", manager)
                        .contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/access/requests/{id}/revoke", a.request().id()).header("Authorization", manager)
                        .contentType("application/json").content("{\"note\":\"中止\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(checks.check(a.asked()).permitted()).isFalse();
        mvc.perform(get("/api/v1/access/requests").param("runningOn", String.valueOf(a.world().topSecret))
                        .header("Authorization", manager))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }
}
