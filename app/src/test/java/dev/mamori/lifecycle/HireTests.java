package dev.mamori.lifecycle;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Hires from competitors: recorded by HR or LEGAL, seen by them, the 統括責任者 and the hire's managers only,
 * the signed pledge kept with its hash, and the periodic check of their work due as a task.
 */
@MamoriTest
class HireTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired List<TaskContributor> tasks;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    long hirePerson;
    String number;
    MamoriUserDetails hr;

    @BeforeEach
    void organisation() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        hirePerson = reg.person(dept);
        number = directory.findPerson(hirePerson).orElseThrow().employeeNumber();
        hr = users.create(Role.HR);
    }

    String body() {
        return """
                {"employeeNumber":"%s","previousEmployer":"競合精機株式会社","previousPosition":"金型設計 主任",
                 "keyPerson":true,"confidentialityDuties":"設計データを退職後3年間開示しない",
                 "nonCompeteDuties":"退職後1年間の同業他社での設計業務の禁止","interviewedOn":"2026-10-01",
                 "interviewRecord":"前職の誓約書の内容を聴取","pledgeSignedOn":"2026-10-15",
                 "pledgeNote":"前職の資料を持ち込まない","hiringReason":"量産立ち上げの経験"}""".formatted(number);
    }

    long record() throws Exception {
        String json = mvc.perform(post("/api/v1/lifecycle/hires").header("Authorization", bearer(users.token(hr)))
                        .contentType(MediaType.APPLICATION_JSON).content(body()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.previousEmployer").value("競合精機株式会社"))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    @Test
    void hrRecordsAHireAndTheLedgerKeepsIt() throws Exception {
        long id = record();
        assertThat(ledger.historyOf(Subject.of("hire", id))).extracting(LedgerEntry::action).containsExactly("lifecycle.hire.recorded");
        mvc.perform(post("/api/v1/lifecycle/hires").header("Authorization", bearer(users.token(hr)))
                        .contentType(MediaType.APPLICATION_JSON).content(body()))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyHrLegalTheChiefOfficerAndTheHiresManagersSeeIt() throws Exception {
        long id = record();
        for (Role role : List.of(Role.LEGAL, Role.CHIEF_OFFICER)) {
            mvc.perform(get("/api/v1/lifecycle/hires/{id}", id).header("Authorization", bearer(users.token(users.create(role)))))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/lifecycle/hires/{id}", id).header("Authorization", bearer(users.token(manager))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/lifecycle/hires/{id}", id).header("Authorization", bearer(users.token(reg.manager(reg.department(null))))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/lifecycle/hires").header("Authorization", bearer(users.token(reg.employee(dept)))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/lifecycle/hires")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/lifecycle/hires").header("Authorization", bearer(users.token(manager)))
                        .contentType(MediaType.APPLICATION_JSON).content(body()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lifecycle/hires/{id}", id).with(TestUsers.as(manager))).andExpect(status().isOk());
        mvc.perform(get("/lifecycle/hires").with(TestUsers.as(hr))).andExpect(status().isOk());
        mvc.perform(get("/lifecycle/hires").header("HX-Request", "true").with(TestUsers.as(hr))).andExpect(status().isOk());
        mvc.perform(get("/lifecycle/hires/new").with(TestUsers.as(hr))).andExpect(status().isOk());
        mvc.perform(get("/lifecycle/hires/{id}/edit", id).with(TestUsers.as(hr))).andExpect(status().isOk());
    }

    @Test
    void theSignedPledgeIsKeptWithItsHashAndTheWorkCheckFallsDueAsATask() throws Exception {
        long id = record();
        mvc.perform(multipart("/lifecycle/hires/{id}/pledge", id)
                        .file(new MockMultipartFile("file", "誓約書.pdf", "application/pdf", new byte[] {9, 8, 7}))
                        .with(csrf()).with(TestUsers.as(hr)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/lifecycle/hires/{id}", id).header("Authorization", bearer(users.token(hr))))
                .andExpect(jsonPath("$.pledgeDocumentName").value("誓約書.pdf"))
                .andExpect(jsonPath("$.pledgeSha256").isNotEmpty());
        jdbc.sql("update lifecycle.hire set recorded_on = ? where id = ?")
                .params(Date.valueOf(directory.today().minusMonths(7)), id).update();
        assertThat(tasksOf(manager)).anySatisfy(t -> assertThat(t).isEqualTo("/lifecycle/hires/" + id));
        mvc.perform(post("/api/v1/lifecycle/hires/{id}/checks", id).header("Authorization", bearer(users.token(manager)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"担当業務は新ラインの立ち上げで前職の製品分野と重ならない\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checks[0].checkedBy").value(manager.getUsername()));
        assertThat(tasksOf(manager)).doesNotContain("/lifecycle/hires/" + id);
        assertThat(ledger.historyOf(Subject.of("hire", id))).extracting(LedgerEntry::action)
                .contains("lifecycle.hire.pledgeAttached", "lifecycle.hire.workChecked");
    }

    List<String> tasksOf(MamoriUserDetails user) {
        return as(user, () -> tasks.stream().flatMap(t -> t.tasksFor(user.toCurrentUser()).stream())
                .filter(t -> t.kind().equals("hire-check")).map(dev.mamori.platform.Task::href).toList());
    }
}
