package dev.mamori.lifecycle;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The alumni (OB会) contact of step 5: recorded by HR or the leaver's 管理責任者 on the checklist page or the API,
 * settling the step (done with consent, refused without), in the ledger without the address itself; bad input
 * beside its field in Japanese or English; nobody else may record it.
 */
@MamoriTest
class AlumniContactTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Lifecycle lifecycle;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MockMvc mvc;

    MamoriUserDetails hr;
    MamoriUserDetails manager;
    MamoriUserDetails otherManager;
    MamoriUserDetails leaver;
    String path;

    @BeforeEach
    void leaver() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        long other = reg.department(null);
        otherManager = reg.manager(other);
        reg.assignManager(other, otherManager.personId());
        leaver = reg.employee(dept);
        hr = users.create(Role.HR);
        LocalDate today = directory.today();
        lifecycle.leaveNotified(leaver.personId(), today.minusDays(5), today.plusDays(10));
        path = "/lifecycle/leavers/" + leaver.personId() + "/alumni-contact";
    }

    StepView alumniStep() {
        return as(hr, () -> lifecycle.checklist(leaver.personId())).steps().stream()
                .filter(s -> s.step() == LeaverStep.ALUMNI_CONTACT).findFirst().orElseThrow();
    }

    @Test
    void hrRecordsAConsentedContactOnThePageWhichSettlesTheStepAndIsLedgeredWithoutTheAddress() throws Exception {
        mvc.perform(post(path).with(TestUsers.as(hr)).with(csrf()).param("consent", "true")
                        .param("address", "東京都千代田区丸の内1-1-1").param("email", "ob.member@example.jp")
                        .param("note", "年1回の会報送付を希望"))
                .andExpect(status().is3xxRedirection());
        AlumniContact c = as(hr, () -> lifecycle.alumniContact(leaver.personId())).orElseThrow();
        assertThat(c.consent()).isTrue();
        assertThat(c.email()).isEqualTo("ob.member@example.jp");
        assertThat(c.recordedOn()).isEqualTo(directory.today());
        assertThat(alumniStep().state().status()).isEqualTo(StepState.Status.DONE);
        LedgerEntry entry = ledger.historyOf(Subject.of("leaver", leaver.personId())).stream()
                .filter(e -> e.action().equals("lifecycle.alumni.recorded")).findFirst().orElseThrow();
        assertThat(entry.detailsJson()).doesNotContain("丸の内").doesNotContain("ob.member");
        mvc.perform(get("/lifecycle/leavers/" + leaver.personId()).with(TestUsers.as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lifecycle-alumni-record\"")))
                .andExpect(content().string(containsString("ob.member@example.jp")));
    }

    @Test
    void aDeclinedContactIsRecordedAsRefusedThroughTheApi() throws Exception {
        String token = users.token(manager);
        mvc.perform(post("/api/v1" + path).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":false,\"email\":\"kept@not.example\",\"note\":\"本人が辞退\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consent").value(false))
                .andExpect(jsonPath("$.email").doesNotExist());
        assertThat(alumniStep().state().status()).isEqualTo(StepState.Status.REFUSED);
        mvc.perform(get("/api/v1" + path).header("Authorization", bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.note").value("本人が辞退"));
    }

    @Test
    void consentWithoutAnAddressOrEmailIsShownBesideTheEmailKeepingTheNote() throws Exception {
        mvc.perform(post(path).with(TestUsers.as(hr)).with(csrf()).param("consent", "true").param("note", "電話のみ可"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("同意がある場合は住所かメールアドレスを入力してください")))
                .andExpect(content().string(containsString("value=\"電話のみ可\"")));
        assertThat(alumniStep().state().status()).isEqualTo(StepState.Status.PENDING);
    }

    @Test
    void aMissingConsentAndABadDateAreShownInEnglish() throws Exception {
        var english = users.inLanguage(hr, Locale.ENGLISH);
        mvc.perform(post(path).with(TestUsers.as(english)).with(csrf()).param("email", "typed@example.jp"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"consent-error\"")))
                .andExpect(content().string(containsString("Choose whether the person agreed.")))
                .andExpect(content().string(containsString("value=\"typed@example.jp\"")));
        mvc.perform(post(path).with(TestUsers.as(english)).with(csrf()).param("consent", "true")
                        .param("email", "typed@example.jp").param("on", "2026-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"on-error\"")))
                .andExpect(content().string(containsString("Enter the date as YYYY-MM-DD.")));
        mvc.perform(post(path).with(TestUsers.as(english)).with(csrf()).param("consent", "true")
                        .param("email", "not-an-address"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is not an e-mail address.")));
    }

    @Test
    void nobodyElseRecordsIt() throws Exception {
        mvc.perform(post(path).with(csrf()).param("consent", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(post(path).with(TestUsers.as(users.create(Role.EMPLOYEE))).with(csrf()).param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(TestUsers.as(users.create(Role.AUDITOR))).with(csrf()).param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(TestUsers.as(otherManager)).with(csrf()).param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(TestUsers.as(leaver)).with(csrf()).param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1" + path).contentType(MediaType.APPLICATION_JSON).content("{\"consent\":false}"))
                .andExpect(status().isUnauthorized());
        assertThat(alumniStep().state().status()).isEqualTo(StepState.Status.PENDING);
    }
}
