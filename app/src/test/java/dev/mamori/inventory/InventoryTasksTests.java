package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The manager's task list from the register: evaluations due or overdue for review and declarations to
 * answer in the departments they manage (with sub-departments), secrecy periods ending for the entries they
 * are 管理責任者 of — each linked to the page where the work is done, with its due date — and nothing from
 * departments outside their scope or from entries they may not see.
 */
@MamoriTest
class InventoryTasksTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired List<TaskContributor> contributors;

    Register reg;
    long a, a1, b;
    MamoriUserDetails managerA, otherManagerA, managerB, employeeA1;
    LocalDate today;
    long overdue, dueSoon, notDue, ended, hidden, elsewhere, declaration;
    String tag;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        a = reg.department(null);
        a1 = reg.department(a);
        b = reg.department(null);
        managerA = reg.manager(a);
        otherManagerA = reg.manager(a);
        managerB = reg.manager(b);
        employeeA1 = reg.employee(a1);
        today = inventory.today();
        tag = Register.unique("K");
        overdue = reg.asset(managerA, a1, tag + " 見直し期限切れ");
        dueSoon = reg.asset(managerA, a, tag + " 見直し間近");
        notDue = reg.asset(managerA, a, tag + " 見直しはまだ先");
        ended = reg.asset(managerA, a, tag + " 秘密保持期間満了");
        hidden = reg.asset(managerA, a, tag + " 極秘の配合");
        elsewhere = reg.asset(managerB, b, tag + " 他部署の資料");
        reg.designate(managerA, ended, "CONFIDENTIAL", AccessHolder.department(a));
        reg.designate(managerA, hidden, "TOP_SECRET", AccessHolder.person(managerA.personId()));
        review(overdue, today.minusDays(3));
        review(dueSoon, today.plusDays(10));
        review(hidden, today.minusDays(1));
        review(elsewhere, today.minusDays(5));
        jdbc.sql("update inventory.asset set secret_until = ? where id = ?").params(java.sql.Date.valueOf(today.minusDays(2)), ended)
                .update();
        declaration = as(employeeA1, () -> inventory.declare(new DeclarationDraft(tag + " 検査治具の改良案", null,
                AssetKind.TECHNICAL, AssetForm.KNOWHOW, "本人", Origin.OWN, null)));
    }

    void review(long id, LocalDate on) {
        jdbc.sql("update inventory.asset set next_review_on = ? where id = ?").params(java.sql.Date.valueOf(on), id).update();
    }

    List<Task> tasks(MamoriUserDetails user) {
        CurrentUser current = user.toCurrentUser();
        return contributors.stream().flatMap(c -> c.tasksFor(current).stream())
                .filter(t -> t.module().equals("inventory")).filter(t -> t.titleArgs().toString().contains(tag)).toList();
    }

    static Task find(List<Task> tasks, String href) {
        return tasks.stream().filter(t -> t.href().startsWith(href)).findFirst().orElseThrow(() ->
                new AssertionError("no task for " + href + " in " + tasks));
    }

    @Test
    void aManagerGetsReviewsDueAndDeclarationsOfTheirSubtreeWithLinksAndDueDates() {
        List<Task> mine = tasks(managerA);
        Task late = find(mine, "/inventory/assets/" + overdue + "/evaluation");
        assertThat(late.kind()).isEqualTo("review-due");
        assertThat(late.titleKey()).isEqualTo("inventory.task.reviewOverdue");
        assertThat(late.due()).isEqualTo(today.minusDays(3));
        assertThat(late.priority()).isEqualTo(Task.Priority.HIGH);
        Task soon = find(mine, "/inventory/assets/" + dueSoon + "/evaluation");
        assertThat(soon.titleKey()).isEqualTo("inventory.task.reviewDue");
        assertThat(soon.due()).isEqualTo(today.plusDays(10));
        assertThat(mine).noneMatch(t -> t.href().contains("/" + notDue + "/"));
        Task answer = find(mine, "/inventory/declarations#inventory-declaration-" + declaration);
        assertThat(answer.due()).isEqualTo(today.plusDays(inventory.declarationReminderDays()));
        Task secrecy = find(mine, "/inventory/assets/" + ended + "#inventory-designation");
        assertThat(secrecy.titleKey()).isEqualTo("inventory.task.secrecyEnded");
        assertThat(secrecy.due()).isEqualTo(today.minusDays(2));
        assertThat(mine).noneMatch(t -> t.href().contains("/" + elsewhere + "/"));
    }

    @Test
    void managersSeeOnlyTheirOwnDepartmentsTasksAndNoConcealedEntryTheyCannotSee() {
        List<Task> other = tasks(otherManagerA);
        assertThat(other).anyMatch(t -> t.href().equals("/inventory/assets/" + overdue + "/evaluation"));
        assertThat(other).noneMatch(t -> t.href().contains("/" + hidden + "/") || t.titleArgs().toString().contains("極秘"));
        assertThat(other).noneMatch(t -> t.kind().equals("secrecy-ending")); // not its 管理責任者
        assertThat(tasks(managerA)).anyMatch(t -> t.href().equals("/inventory/assets/" + hidden + "/evaluation"));

        List<Task> b = tasks(managerB);
        assertThat(b).extracting(Task::href).containsExactly("/inventory/assets/" + elsewhere + "/evaluation");
        assertThat(tasks(employeeA1)).isEmpty();
        assertThat(tasks(users.create(Role.AUDITOR))).isEmpty();
    }

    @Test
    void theTaskPageShowsTheManagersWork() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/tasks")
                        .with(TestUsers.as(managerA)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/inventory/assets/" + overdue + "/evaluation").contains(tag + " 検査治具の改良案");
        String elsewherePage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/tasks")
                        .with(TestUsers.as(managerB)))
                .andReturn().getResponse().getContentAsString();
        assertThat(elsewherePage).doesNotContain(tag + " 検査治具の改良案").doesNotContain(tag + " 見直し期限切れ");
    }
}
