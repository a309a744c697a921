package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * A notice of leaving keeps the person from the highest level by every path (a grant to their department, a
 * designation, a grant issued afterwards), review periods start again when new grants follow ended ones, and the
 * people who answer for an entry can do their reviews — also a department manager the register hides a concealed
 * entry from, and a responsible person without the MANAGER role.
 */
@MamoriTest
@EnableScenarios
class AccessLeaversAndReviewsTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired JdbcClient jdbc;
    @Autowired List<TaskContributor> contributors;
    @Autowired MockMvc mvc;

    AccessCheck view(long person, long asset) {
        return checks.check(AccessQuestion.of(person, Action.VIEW, asset));
    }

    @Test
    void aNoticeOfLeavingKeepsThePersonFromTheHighestLevelWhateverGivesThemAccess(Scenario scenario) {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.reg.employee(w.dept);
        // access to the top-secret entry through a grant to the whole department, not in the person's name
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.department(w.dept), AccessLevel.VIEW,
                "部内で共有", null, null)));
        assertThat(view(person.personId(), w.topSecret).permitted()).isTrue();
        assertThat(view(person.personId(), w.confidential).permitted()).isTrue(); // the department is its holder
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);

        scenario.stimulate(() -> as(hr, () -> {
                    directory.notifyLeave(person.personId(), today, today.plusDays(30));
                    return null;
                }))
                .andWaitForStateChange(() -> view(person.personId(), w.topSecret).reasonKey(),
                        key -> key.equals("access.check.personLeaving"))
                .andVerify(key -> assertThat(key).isEqualTo("access.check.personLeaving"));
        assertThat(view(person.personId(), w.topSecret).permitted()).isFalse();
        // the default rule restricts the highest level only; the rest is flagged for review, not cut off
        assertThat(view(person.personId(), w.confidential).permitted()).isTrue();
        // a grant in their own name issued after the notice does not open it again
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "引継ぎ", null, null)));
        assertThat(view(person.personId(), w.topSecret).reasonKey()).isEqualTo("access.check.personLeaving");
        // colleagues in the department keep their access
        MamoriUserDetails colleague = w.reg.employee(w.dept);
        assertThat(view(colleague.personId(), w.topSecret).permitted()).isTrue();
    }

    @Test
    void aGrantIssuedAfterEveryEarlierOneEndedStartsANewReviewPeriod() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        // reviewed long ago, with no live grant since
        jdbc.sql("insert into access.entry_review (asset_id, last_reviewed_on) values (?, ?)")
                .params(w.topSecret, java.sql.Date.valueOf(LocalDate.now(Directory.JAPAN).minusDays(400))).update();
        MamoriUserDetails person = w.outsider();
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "新しい担当", null, null)));

        assertThat(access.escalateOverdueReviews()).doesNotContain(w.topSecret);
        assertThat(as(w.manager, () -> access.reviews())).filteredOn(r -> r.assetId() == w.topSecret).singleElement()
                .satisfies(r -> {
                    assertThat(r.overdue()).isFalse();
                    assertThat(r.due()).isAfter(LocalDate.now(Directory.JAPAN).plusDays(150));
                });
    }

    @Test
    void anEscalationDoesNotMakeUpAReviewThatNeverHappened() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "担当", null, null)));
        jdbc.sql("update access.entry_grant set starts_at = starts_at - interval '400 days' where id = ?").param(g.id()).update();

        assertThat(access.escalateOverdueReviews()).contains(w.confidential);
        assertThat(jdbc.sql("select last_reviewed_on is null and escalated_on is not null from access.entry_review where asset_id = ?")
                .param(w.confidential).query(Boolean.class).single()).isTrue();
        assertThat(as(w.manager, () -> access.reviews())).filteredOn(r -> r.assetId() == w.confidential).singleElement()
                .satisfies(r -> {
                    assertThat(r.lastReviewedOn()).isNull();
                    assertThat(r.overdue()).isTrue();
                });
        assertThat(access.escalateOverdueReviews()).doesNotContain(w.confidential);
    }

    @Test
    void aDepartmentManagerWhomTheRegisterHidesAConcealedEntryFromStillGetsItsReviewTask() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails second = w.reg.manager(w.dept);
        as(users.create(Role.HR), () -> {
            directory.assignManagers(w.dept, List.of(w.manager.personId(), second.personId()));
            return null;
        });
        MamoriUserDetails person = w.outsider();
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "担当", null, null)));
        access.flagGrantsOf(person.personId(), "TRANSFERRED");

        List<Task> tasks = contributors.stream().flatMap(c -> c.tasksFor(second.toCurrentUser()).stream())
                .filter(t -> t.module().equals("access") && t.kind().equals("grants-flagged")).toList();
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.titleArgs()).containsExactly("#" + w.topSecret, 1L));
        assertThat(as(second, () -> access.reviews())).filteredOn(r -> r.assetId() == w.topSecret).singleElement()
                .satisfies(r -> assertThat(r.assetName()).isEqualTo("#" + w.topSecret));
    }

    @Test
    void theResponsiblePersonWithoutTheManagerRoleMayOpenTheReviewsAndOthersMayNot() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails responsible = w.reg.employee(w.dept);
        long asset = as(w.manager, () -> inventory.register(w.reg.draft(dev.mamori.inventory.Register.unique("担当者管理の資料"),
                w.dept, responsible.personId())));
        w.reg.designate(responsible, asset, "CONFIDENTIAL", AccessHolder.person(responsible.personId()));
        MamoriUserDetails holder = w.outsider();
        as(responsible, () -> access.grant(new GrantDraft(asset, AccessHolder.person(holder.personId()),
                AccessLevel.VIEW, "共同作業", null, null)));

        mvc.perform(get("/access/reviews").with(TestUsers.as(responsible))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("access-review-" + asset)));
        mvc.perform(get("/access/reviews").with(TestUsers.as(w.outsider()))).andExpect(status().isForbidden());
    }
}
