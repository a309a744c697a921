package dev.mamori.lifecycle;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The leaver checklist: opened by the directory's notice through the event registry, listing the secrets the
 * leaver held and used, worked through by HR and the 管理責任者 (and nobody else), every step in the ledger.
 */
@MamoriTest
@EnableScenarios
class LeaverChecklistTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Lifecycle lifecycle;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MockMvc mvc;
    @Autowired List<TaskContributor> tasks;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    MamoriUserDetails leaver;
    MamoriUserDetails hr;
    LocalDate today;

    @BeforeEach
    void organisation() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        leaver = reg.employee(dept);
        hr = users.create(Role.HR);
        today = directory.today();
    }

    /** Opens the checklist as the listener does (no user signed in). */
    void notice(LocalDate notice, LocalDate lastDay) {
        lifecycle.leaveNotified(leaver.personId(), notice, lastDay);
    }

    @Test
    void aNoticeInTheDirectoryOpensTheChecklistAndItsMonitoringWindowThroughTheRegistry(Scenario scenario) {
        LocalDate notice = today.minusDays(2);
        LocalDate last = today.plusDays(20);
        scenario.stimulate(() -> as(hr, () -> {
                    directory.notifyLeave(leaver.personId(), notice, last);
                    return null;
                }))
                .andWaitForStateChange(() -> lifecycle.monitoringWindowOf(leaver.personId()))
                .andVerify(window -> {
                    assertThat(window).isPresent();
                    assertThat(window.get().from()).isEqualTo(notice.minusDays(90));
                    assertThat(window.get().until()).isEqualTo(last.plusDays(180));
                });
        assertThat(lifecycle.monitoringWindowsOn(today)).extracting(MonitoringWindow::personId).contains(leaver.personId());
        assertThat(ledger.historyOf(Subject.of("leaver", leaver.personId()))).extracting(LedgerEntry::action)
                .contains("lifecycle.leaver.opened");
    }

    @Test
    void aRetractedNoticeClosesTheWindowAndHidesTheChecklist() {
        notice(today.minusDays(1), today.plusDays(30));
        lifecycle.leaveRetracted(leaver.personId());
        assertThat(lifecycle.monitoringWindowOf(leaver.personId())).isEmpty();
        assertThat(as(hr, () -> lifecycle.leavers(false))).extracting(LeaverSummary::personId)
                .doesNotContain(leaver.personId());
        assertThat(ledger.historyOf(Subject.of("leaver", leaver.personId()))).extracting(LedgerEntry::action)
                .contains("lifecycle.leaver.retracted");
    }

    @Test
    void listsTheSecretsHeldAndTheSecretsTheLedgerShowsThemUsing() {
        long mine = reg.asset(manager, dept, Register.unique("HELD") + " 金型設計図");
        reg.designate(manager, mine, "TOP_SECRET", AccessHolder.person(leaver.personId()));
        long viaDepartment = reg.asset(manager, dept, Register.unique("DEPT") + " 顧客リスト");
        reg.designate(manager, viaDepartment, "CONFIDENTIAL", AccessHolder.department(dept));
        long otherDept = reg.department(null);
        MamoriUserDetails otherManager = reg.manager(otherDept);
        long used = reg.asset(otherManager, otherDept, Register.unique("USED") + " 試作品データ");
        reg.designate(otherManager, used, "CONFIDENTIAL", AccessHolder.person(otherManager.personId()));
        long unrelated = reg.asset(otherManager, otherDept, Register.unique("NO") + " 無関係");
        reg.designate(otherManager, unrelated, "CONFIDENTIAL", AccessHolder.person(otherManager.personId()));
        // another module (e.g. a vault) records a download by the leaver with the entry as subject
        as(leaver, () -> ledger.record("vault.file.downloaded", Subject.of("asset", used), Map.of("file", "a.step")));
        notice(today.minusDays(1), today.plusDays(30));

        LeaverChecklist c = as(hr, () -> lifecycle.checklist(leaver.personId()));

        assertThat(c.secrets()).extracting(ExposedSecret::assetId).contains(mine, viaDepartment, used)
                .doesNotContain(unrelated);
        ExposedSecret usedOne = c.secrets().stream().filter(s -> s.assetId() == used).findFirst().orElseThrow();
        assertThat(usedOne.held()).isFalse();
        assertThat(usedOne.accessCount()).isEqualTo(1);
        assertThat(usedOne.actions()).containsExactly("vault.file.downloaded");
        assertThat(c.secrets().stream().filter(s -> s.assetId() == viaDepartment).findFirst().orElseThrow().through())
                .containsExactly("DEPARTMENT:" + dept);
        assertThat(c.account()).isNotNull();
        assertThat(c.account().enabled()).isTrue();

        // the 極秘 entry exists on HR's list, but its name and marking are withheld from someone outside it;
        // its 管理責任者 (responsible for it) sees the name
        ExposedSecret concealed = c.secrets().stream().filter(s -> s.assetId() == mine).findFirst().orElseThrow();
        assertThat(concealed.hidden()).isTrue();
        assertThat(concealed.name()).isNull();
        assertThat(concealed.marking()).isNull();
        assertThat(c.secrets().stream().filter(s -> s.assetId() == viaDepartment).findFirst().orElseThrow().hidden())
                .isFalse();
        ExposedSecret forManager = as(manager, () -> lifecycle.checklist(leaver.personId())).secrets().stream()
                .filter(s -> s.assetId() == mine).findFirst().orElseThrow();
        assertThat(forManager.hidden()).isFalse();
        assertThat(forManager.name()).endsWith("金型設計図");
    }

    @Test
    void exportsTheSecretsForTheLeavingPledgeAndRecordsTheExport() throws Exception {
        String name = Register.unique("EXP") + " 配合表";
        long asset = reg.asset(manager, dept, name);
        reg.designate(manager, asset, "CONFIDENTIAL", AccessHolder.person(leaver.personId()));
        notice(today.minusDays(1), today.plusDays(30));

        mvc.perform(get("/lifecycle/leavers/{id}/secrets", leaver.personId()).param("format", "csv")
                        .with(TestUsers.as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
        assertThat(ledger.historyOf(Subject.of("leaver", leaver.personId()))).extracting(LedgerEntry::action)
                .contains("lifecycle.secrets.exported");
    }

    @Test
    void hrAndTheManagerConfirmStepsByHandWithANoteAndTheLedgerRecordsThem() {
        notice(today.minusDays(3), today.plusDays(10));
        as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.LEAVING_PLEDGE, StepState.Status.REFUSED, null,
                    "本人が署名を拒否。面談記録あり", Upload.none());
            return null;
        });
        as(manager, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.DEVICES_ERASED, StepState.Status.DONE, today,
                    "私物スマートフォンの消去を確認", new Upload("消去誓約書.pdf", "application/pdf", new byte[] {1, 2, 3}));
            return null;
        });

        LeaverChecklist c = as(hr, () -> lifecycle.checklist(leaver.personId()));
        StepView pledge = step(c, LeaverStep.LEAVING_PLEDGE);
        assertThat(pledge.state().status()).isEqualTo(StepState.Status.REFUSED);
        assertThat(pledge.state().source()).startsWith("hand:");
        StepView erased = step(c, LeaverStep.DEVICES_ERASED);
        assertThat(erased.documentName()).isEqualTo("消去誓約書.pdf");
        assertThat(step(c, LeaverStep.MONITORING).state().status()).isEqualTo(StepState.Status.DONE);
        assertThat(ledger.historyOf(Subject.of("leaver", leaver.personId()))).filteredOn(e -> e.action().equals("lifecycle.step.confirmed"))
                .hasSize(2).anySatisfy(e -> assertThat(e.detailsJson()).contains("sha256"));
    }

    @Test
    void refusesComputedStepsOutcomesThatDoNotFitAndConfirmationsWithoutANote() {
        notice(today.minusDays(3), today.plusDays(10));
        assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.EQUIPMENT_RETURNED, StepState.Status.DONE, null, "x", Upload.none());
            return null;
        })).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.ACCESS_ENDED, StepState.Status.REFUSED, null, "x", Upload.none());
            return null;
        })).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.ACCESS_ENDED, StepState.Status.DONE, null, " ", Upload.none());
            return null;
        })).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nobodyConfirmsTheirOwnChecklistAndManagersOfOtherDepartmentsAreRefused() {
        notice(today.minusDays(3), today.plusDays(10));
        MamoriUserDetails otherManager = reg.manager(reg.department(null));
        assertThatThrownBy(() -> as(otherManager, () -> lifecycle.checklist(leaver.personId())))
                .isInstanceOf(AccessRefusedException.class);
        MamoriUserDetails hrLeaver = users.create(reg.person(dept),
                List.of(new RoleGrant(Role.HR, null)));
        lifecycle.leaveNotified(hrLeaver.personId(), today, today.plusDays(5));
        assertThatThrownBy(() -> as(hrLeaver, () -> {
            lifecycle.confirmStep(hrLeaver.personId(), LeaverStep.ACCESS_ENDED, StepState.Status.DONE, null, "x", Upload.none());
            return null;
        })).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void lentItemsKeepTheEquipmentStepPendingUntilReturned() {
        notice(today.minusDays(3), today.plusDays(10));
        String number = directory.findPerson(leaver.personId()).orElseThrow().employeeNumber();
        long pc = as(manager, () -> lifecycle.lend(new LentItemDraft(number, LentKind.PC, "ノートPC", "PC-0042", today.minusDays(100))));
        assertThat(step(as(hr, () -> lifecycle.checklist(leaver.personId())), LeaverStep.EQUIPMENT_RETURNED).state().status())
                .isEqualTo(StepState.Status.PENDING);
        as(hr, () -> {
            lifecycle.returnItem(pc, today, "初期化済み");
            return null;
        });
        assertThat(step(as(hr, () -> lifecycle.checklist(leaver.personId())), LeaverStep.EQUIPMENT_RETURNED).state().status())
                .isEqualTo(StepState.Status.DONE);
        assertThat(ledger.historyOf(Subject.of("lentItem", pc))).extracting(LedgerEntry::action)
                .containsExactly("lifecycle.item.lent", "lifecycle.item.returned");
        MamoriUserDetails employee = reg.employee(dept);
        assertThatThrownBy(() -> as(employee, () -> lifecycle.lend(new LentItemDraft(number, LentKind.KEY, "鍵", null, null))))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void overdueStepsShowOnTheDashboardAndAsTasksForHrAndTheManager() {
        notice(today.minusDays(30), today.minusDays(1));
        LeaverSummary s = as(hr, () -> lifecycle.leavers(true)).stream()
                .filter(l -> l.personId() == leaver.personId()).findFirst().orElseThrow();
        assertThat(s.overdue()).isGreaterThan(0);
        assertThat(tasksOf(hr)).anySatisfy(t -> assertThat(t.href()).isEqualTo("/lifecycle/leavers/" + leaver.personId()));
        assertThat(tasksOf(manager)).anySatisfy(t -> {
            assertThat(t.href()).isEqualTo("/lifecycle/leavers/" + leaver.personId());
            assertThat(t.priority()).isEqualTo(Task.Priority.HIGH);
        });
        MamoriUserDetails otherManager = reg.manager(reg.department(null));
        assertThat(tasksOf(otherManager)).noneSatisfy(t -> assertThat(t.href()).isEqualTo("/lifecycle/leavers/" + leaver.personId()));
    }

    @Test
    void pagesRenderInFullAndAsFragments() throws Exception {
        notice(today.minusDays(3), today.plusDays(10));
        mvc.perform(get("/lifecycle/leavers").with(TestUsers.as(hr)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("lifecycle-table")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<nav")));
        mvc.perform(get("/lifecycle/leavers").header("HX-Request", "true").with(TestUsers.as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<nav"))));
        mvc.perform(get("/lifecycle/leavers/{id}", leaver.personId()).with(TestUsers.as(manager)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("lifecycle-step-LEAVING_PLEDGE")));
        mvc.perform(get("/lifecycle/equipment").with(TestUsers.as(hr))).andExpect(status().isOk());
        mvc.perform(get("/lifecycle/equipment").header("HX-Request", "true").with(TestUsers.as(hr))).andExpect(status().isOk());
        mvc.perform(post("/lifecycle/leavers/{id}/steps/ACCOUNTS_DELETED", leaver.personId()).with(csrf()).with(TestUsers.as(hr))
                        .param("status", "DONE").param("note", "全システムのIDを削除"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/lifecycle/leavers").with(TestUsers.as(reg.employee(dept)))).andExpect(status().isForbidden());
    }

    @Test
    void theApiRefusesAnonymousUnprivilegedAndOutOfScopeCallers() throws Exception {
        notice(today.minusDays(3), today.plusDays(10));
        mvc.perform(get("/api/v1/lifecycle/leavers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/lifecycle/leavers").header("Authorization", bearer(users.token(reg.employee(dept)))))
                .andExpect(status().isForbidden());
        MamoriUserDetails otherManager = reg.manager(reg.department(null));
        mvc.perform(get("/api/v1/lifecycle/leavers/{id}", leaver.personId())
                        .header("Authorization", bearer(users.token(otherManager))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/lifecycle/leavers").header("Authorization", bearer(users.token(otherManager))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == " + leaver.personId() + ")]").isEmpty());
        String token = users.token(hr);
        mvc.perform(get("/api/v1/lifecycle/leavers").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == " + leaver.personId() + ")].total").value(10));
        mvc.perform(post("/api/v1/lifecycle/leavers/{id}/steps/ACCOUNTS_DELETED", leaver.personId())
                        .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"note\":\"社内システムのIDを削除したことを確認\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[?(@.step == 'ACCOUNTS_DELETED')].state.status").value("DONE"));
        mvc.perform(post("/api/v1/lifecycle/leavers/{id}/steps/ACCOUNTS_DELETED", leaver.personId())
                        .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/lifecycle/monitoring-windows").header("Authorization", bearer(token)))
                .andExpect(status().isOk());
    }

    List<Task> tasksOf(MamoriUserDetails user) {
        return as(user, () -> {
            var current = user.toCurrentUser();
            return tasks.stream().flatMap(t -> t.tasksFor(current).stream()).filter(t -> t.module().equals("lifecycle")).toList();
        });
    }

    static StepView step(LeaverChecklist c, LeaverStep step) {
        return c.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
