package dev.mamori.policy.internal.documents;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Acknowledgements end to end: the task, reading and acknowledging one's own version (ledger entry with
 * the version's hashes), progress by department for the roles that follow it and a manager's own
 * departments only, reminders after the due date, and who may do what.
 */
@MamoriTest
class AcknowledgementTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Documents documents;
    @Autowired Acknowledgements acknowledgements;
    @Autowired Ledger ledger;
    @Autowired NotificationService inbox;

    DocumentFixture org;
    MamoriUserDetails chief;

    @BeforeEach
    void organisation() {
        org = new DocumentFixture(directory, users).build();
        chief = users.create(Role.CHIEF_OFFICER);
    }

    /** Publishes a version asking departments A (with A1) and B. */
    VersionSummary publish(DocumentKind kind) {
        return DocumentFixture.as(chief, () -> documents.publish(kind, new PublishRequest(null, List.of(org.a, org.b))));
    }

    @Test
    void aPersonSeesTheTaskReadsTheVersionAndAcknowledgesItWithItsHashInTheLedger() throws Exception {
        VersionSummary v = publish(DocumentKind.REGULATION);
        String page = "/policy/documents/regulation/versions/" + v.number();
        String title = "秘密情報管理規程 第" + v.number() + "版を読んで確認する";

        mvc.perform(get("/tasks").with(as(org.employeeA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString(page)));
        mvc.perform(get(page).with(as(org.employeeA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"policy-acknowledge\"")))
                .andExpect(content().string(containsString("第8条（指定）")));

        mvc.perform(post(page + "/acknowledgement").with(as(org.employeeA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(as(org.employeeA)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"policy-acknowledge\""))))
                .andExpect(content().string(containsString("確認済み")));
        mvc.perform(get("/tasks").with(as(org.employeeA)))
                .andExpect(content().string(not(containsString(title))));

        List<LedgerEntry> acks = ledger.historyOf(Documents.subject(DocumentKind.REGULATION, v.number())).stream()
                .filter(e -> e.action().equals("policy.document.acknowledged")).toList();
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).actor().personId()).isEqualTo(org.peopleA.get(0));
        assertThat(acks.get(0).detailsJson()).contains(v.pdfSha256()).contains(v.docxSha256()).contains(v.textSha256())
                .contains(String.valueOf(org.peopleA.get(0)));

        // twice is refused; the API shows it done
        String token = users.token(org.employeeA);
        mvc.perform(post("/api/v1/policy/acknowledgements").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"regulation\",\"number\":" + v.number() + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail_en").value(containsString("already acknowledged")));
        mvc.perform(get("/api/v1/policy/acknowledgements").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'regulation' && @.number == " + v.number() + ")].acknowledgedAt")
                        .isNotEmpty());
    }

    @Test
    void everyoneSignedInAcknowledgesOnlyWhatTheyWereAskedToOverTheApi() throws Exception {
        VersionSummary v = publish(DocumentKind.TELEWORK);
        String body = "{\"kind\":\"telework\",\"number\":" + v.number() + "}";
        mvc.perform(post("/api/v1/policy/acknowledgements").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/policy/acknowledgements").header("Authorization", bearer(users.token(org.employeeA1)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
        // an account without a person, and a person outside the scope, have nothing to acknowledge
        mvc.perform(post("/api/v1/policy/acknowledgements").header("Authorization", bearer(users.token(users.create(Role.EMPLOYEE))))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        DocumentFixture other = new DocumentFixture(directory, users).build();
        mvc.perform(post("/api/v1/policy/acknowledgements").header("Authorization", bearer(users.token(other.employeeA)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("policy.acknowledgement.notAsked"));
        // anyone signed in may still read it
        mvc.perform(get("/policy/documents/telework/versions/" + v.number()).with(as(other.employeeA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("確認の対象外")));
        mvc.perform(get("/policy/documents/telework/versions/" + v.number())).andExpect(status().is3xxRedirection());
    }

    @Test
    void progressIsCountedByDepartmentAndAManagerSeesOnlyTheirOwnDepartments() throws Exception {
        VersionSummary v = publish(DocumentKind.STANDARD);
        DocumentFixture.as(org.employeeA, () -> acknowledgements.acknowledge(DocumentKind.STANDARD, v.number()));

        Progress all = DocumentFixture.as(users.create(Role.HR), () -> acknowledgements.progress(DocumentKind.STANDARD, v.number()));
        assertThat(all.wholeOrganisation()).isTrue();
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.acknowledged()).isEqualTo(1);
        assertThat(all.pending()).isEqualTo(3);
        assertThat(all.percent()).isEqualTo(25);
        var a = row(all, org.a);
        assertThat(List.of(a.total(), a.acknowledged(), a.pending(), a.percent())).containsExactly(2, 1, 1, 50);
        assertThat(a.pendingPeople()).extracting(PersonAcknowledgement::personId).containsExactly(org.peopleA.get(1));
        assertThat(List.of(row(all, org.a1).total(), row(all, org.a1).percent())).containsExactly(1, 0);
        assertThat(row(all, org.b).pending()).isEqualTo(1);

        Progress mine = DocumentFixture.as(org.managerA, () -> acknowledgements.progress(DocumentKind.STANDARD, v.number()));
        assertThat(mine.wholeOrganisation()).isFalse();
        assertThat(mine.departments()).extracting(Progress.DepartmentProgress::departmentId)
                .containsExactlyInAnyOrder(org.a, org.a1);
        assertThat(mine.total()).isEqualTo(3);

        String manager = users.token(org.managerA);
        mvc.perform(get("/api/v1/policy/acknowledgements/progress").param("kind", "standard")
                        .param("number", String.valueOf(v.number())).header("Authorization", bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.departments[?(@.departmentId == " + org.b + ")]").isEmpty())
                .andExpect(jsonPath("$.departments[?(@.departmentId == " + org.a + ")].percent").value(50));
        mvc.perform(get("/policy/acknowledgements").param("kind", "standard").param("number", String.valueOf(v.number()))
                        .with(as(org.managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("policy-progress-" + org.a)))
                .andExpect(content().string(not(containsString("policy-progress-" + org.b))))
                .andExpect(content().string(containsString("鈴木 花子")));
        mvc.perform(get("/policy/acknowledgements").param("kind", "standard").param("number", String.valueOf(v.number()))
                        .header("HX-Request", "true").with(as(users.create(Role.COMMITTEE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"policy-progress\"")))
                .andExpect(content().string(containsString("policy-progress-" + org.b)))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void progressIsRefusedToEmployeesAndAnonymousCallers() throws Exception {
        VersionSummary v = publish(DocumentKind.WORK_RULES);
        String employee = users.token(org.employeeA);
        mvc.perform(get("/api/v1/policy/acknowledgements/progress").param("kind", "work-rules")
                .header("Authorization", bearer(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/policy/acknowledgements/progress").param("kind", "work-rules"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/policy/acknowledgements").with(as(org.employeeA))).andExpect(status().isForbidden());
        mvc.perform(get("/policy/acknowledgements")).andExpect(status().is3xxRedirection());
        for (Role role : List.of(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.HR)) {
            mvc.perform(get("/api/v1/policy/acknowledgements/progress").param("kind", "work-rules")
                            .param("number", String.valueOf(v.number())).header("Authorization", bearer(users.token(users.create(role)))))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void publishingIsForTheChiefOfficerAndTheCommitteeOnly() throws Exception {
        String body = "{\"departmentIds\":[" + org.b + "]}";
        mvc.perform(post("/api/v1/policy/documents/regulation/publish").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        for (Role role : List.of(Role.EMPLOYEE, Role.HR, Role.SYSTEM_ADMIN, Role.AUDITOR)) {
            mvc.perform(post("/api/v1/policy/documents/regulation/publish").header("Authorization",
                            bearer(users.token(users.create(role)))).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/policy/documents/regulation/versions").with(as(org.employeeA)).with(csrf())
                .param("departmentIds", String.valueOf(org.b))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/policy/documents")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/policy/acknowledgements")).andExpect(status().isUnauthorized());
        mvc.perform(get("/policy/documents")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/policy/documents").header("Authorization", bearer(users.token(org.employeeA))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'regulation')].title").value(hasItem("秘密情報管理規程")));
        mvc.perform(post("/api/v1/policy/documents/regulation/publish").header("Authorization",
                        bearer(users.token(users.create(Role.COMMITTEE)))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentIds\":[999999999]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departmentIds"));
    }

    @Test
    void theReminderTellsOverduePeopleAndTheirManagersOnceAnInterval() {
        VersionSummary v = publish(DocumentKind.REGULATION);
        DocumentFixture.as(org.employeeA1, () -> acknowledgements.acknowledge(DocumentKind.REGULATION, v.number()));

        ReminderRun early = acknowledgements.remindOverdue(v.dueOn());
        assertThat(early.personIds()).doesNotContain(org.peopleA.get(0), org.personA1);

        ReminderRun due = acknowledgements.remindOverdue(v.dueOn().plusDays(1));
        assertThat(due.personIds()).contains(org.peopleA.get(0), org.peopleA.get(1), org.personB)
                .doesNotContain(org.personA1);
        assertThat(due.departmentIds()).contains(org.a, org.b).doesNotContain(org.a1);
        assertThat(messages(org.employeeA)).anyMatch(n -> n.messageKey().equals("policy.acknowledgement.reminder")
                && n.args().contains(String.valueOf(v.number())));
        assertThat(messages(org.employeeA1)).noneMatch(n -> n.messageKey().equals("policy.acknowledgement.reminder"));
        assertThat(messages(org.managerA)).anyMatch(n -> n.messageKey().equals("policy.acknowledgement.reminderManagers")
                && n.args().equals(List.of("秘密情報管理規程", String.valueOf(v.number()), "2")));
        int before = messages(org.employeeA).size();

        assertThat(acknowledgements.remindOverdue(v.dueOn().plusDays(2)).personIds()).doesNotContain(org.peopleA.get(0));
        assertThat(messages(org.employeeA)).hasSize(before);
        assertThat(acknowledgements.remindOverdue(v.dueOn().plusDays(8)).personIds()).contains(org.peopleA.get(0));
        assertThat(messages(org.employeeA)).hasSize(before + 1);
        assertThat(ledger.historyOf(Documents.subject(DocumentKind.REGULATION, v.number())))
                .extracting(LedgerEntry::action).contains("policy.acknowledgement.reminded");
    }

    List<NotificationService.Inboxed> messages(MamoriUserDetails user) {
        return inbox.inbox(user.accountId());
    }

    static Progress.DepartmentProgress row(Progress p, long department) {
        return p.departments().stream().filter(d -> d.departmentId() != null && d.departmentId() == department)
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + department + " in " + p));
    }

}
