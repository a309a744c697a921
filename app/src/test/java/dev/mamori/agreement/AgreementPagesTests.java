package dev.mamori.agreement;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The agreement pages (templates, versions, non-compete check, training, register request, projects): who may
 * open and post them, and bad input shown beside its field in Japanese or English with what was typed kept.
 */
@MamoriTest
class AgreementPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Agreements agreements;
    @Autowired JdbcClient jdbc;

    MamoriUserDetails hr;
    MamoriUserDetails employee;

    @BeforeEach
    void people() {
        hr = users.create(Role.HR);
        employee = users.create(Role.EMPLOYEE);
    }

    // ------------------------------------------------------------ templates and versions

    @Test
    void templatesAndTheirVersionsRenderForSignedInPeopleAndNotForAnonymous() throws Exception {
        mvc.perform(get("/agreements/templates").with(as(employee))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement-templates\"")));
        mvc.perform(get("/agreements/templates/leaving").with(as(hr))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement-edit\"")));
        mvc.perform(get("/agreements/templates/leaving/versions/1").with(as(employee))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"agreement-edit\""))));
        mvc.perform(get("/agreements/templates")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/agreements/templates/leaving/versions/1")).andExpect(status().is3xxRedirection());
    }

    @Test
    void onlyHrLegalAndTheChiefOfficerEditTemplates() throws Exception {
        mvc.perform(post("/agreements/templates/visit").with(as(employee)).with(csrf()).param("source", "TITLE x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agreements/templates/visit").with(as(users.create(Role.AUDITOR))).with(csrf())
                .param("source", "TITLE x")).andExpect(status().isForbidden());
        mvc.perform(post("/agreements/templates/visit").with(csrf()).param("source", "TITLE x"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anEmptyTemplateTextIsShownBesideTheTextKeepingTheNote() throws Exception {
        mvc.perform(post("/agreements/templates/visit").with(as(hr)).with(csrf()).param("source", " ")
                        .param("note", "見学者向けに第3条を修正"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"source-error\"")))
                .andExpect(content().string(containsString("ひな形の本文を入力してください")))
                .andExpect(content().string(containsString("value=\"見学者向けに第3条を修正\"")));
    }

    @Test
    void aTooLongNoteIsShownBesideTheNoteInEnglishKeepingTheText() throws Exception {
        var legal = users.inLanguage(users.create(Role.LEGAL), Locale.ENGLISH);
        mvc.perform(post("/agreements/templates/visit").with(as(legal)).with(csrf())
                        .param("source", "TITLE edited-visit-text-kept").param("note", "n".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"note-error\"")))
                .andExpect(content().string(containsString("This entry is too long.")))
                .andExpect(content().string(containsString("edited-visit-text-kept")));
    }

    // ------------------------------------------------------------ the non-compete check

    @Test
    void theNonCompeteCheckRendersForLegalAndIsRefusedToEmployeesAndAnonymous() throws Exception {
        mvc.perform(get("/agreements/non-compete").with(as(users.create(Role.LEGAL)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement-nc-form\"")))
                .andExpect(content().string(not(containsString("field-error"))));
        mvc.perform(get("/agreements/non-compete").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/agreements/non-compete")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPeriodThatIsNotANumberIsShownBesideThePeriodKeepingTheAnswers() throws Exception {
        mvc.perform(get("/agreements/non-compete").with(as(hr)).param("position", "開発部長").param("interest", "TRADE_SECRET")
                        .param("involvement", "CORE").param("periodMonths", "一年").param("region", "BROAD")
                        .param("activities", "SAME_BUSINESS").param("compensation", "NONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"periodMonths-error\"")))
                .andExpect(content().string(containsString("数値を入力してください")))
                .andExpect(content().string(containsString("value=\"一年\"")))
                .andExpect(content().string(containsString("value=\"開発部長\"")))
                .andExpect(content().string(not(containsString("id=\"agreement-nc-result\""))));
    }

    @Test
    void aPeriodOutOfRangeAndAMissingChoiceAreShownInEnglish() throws Exception {
        var legal = users.inLanguage(users.create(Role.LEGAL), Locale.ENGLISH);
        mvc.perform(get("/agreements/non-compete").with(as(legal)).param("interest", "TRADE_SECRET")
                        .param("periodMonths", "300").param("region", "BROAD")
                        .param("activities", "SAME_BUSINESS").param("compensation", "NONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a period of 0 to 240 months.")))
                .andExpect(content().string(containsString("id=\"involvement-error\"")))
                .andExpect(content().string(containsString("value=\"300\"")));
    }

    // ------------------------------------------------------------ training

    @Test
    void trainingRendersForEveryoneButOnlyHrCreatesCourses() throws Exception {
        mvc.perform(get("/training").with(as(employee))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"agreement-course-form\""))));
        mvc.perform(get("/training").with(as(hr))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement-course-form\"")));
        mvc.perform(post("/training").with(as(employee)).with(csrf()).param("title", "x").param("kind", "CLASSROOM"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/training").with(as(users.create(Role.AUDITOR))).with(csrf()).param("title", "x")
                .param("kind", "CLASSROOM")).andExpect(status().isForbidden());
        mvc.perform(get("/training")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aCourseWithoutTitleAndABadPassMarkShowsBothBesideTheirFieldsKeepingTheMaterial() throws Exception {
        mvc.perform(post("/training").with(as(hr)).with(csrf()).param("title", "").param("kind", "ELEARNING")
                        .param("material", "営業秘密とは何かを学ぶ教材").param("passMark", "150"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("研修名を入力してください")))
                .andExpect(content().string(containsString("id=\"passMark-error\"")))
                .andExpect(content().string(containsString("正答率は 0〜100 で入力してください")))
                .andExpect(content().string(containsString("営業秘密とは何かを学ぶ教材")))
                .andExpect(content().string(containsString("value=\"150\"")));
    }

    @Test
    void aPassMarkThatIsNotANumberIsShownInEnglish() throws Exception {
        var chief = users.inLanguage(users.create(Role.CHIEF_OFFICER), Locale.ENGLISH);
        mvc.perform(post("/training").with(as(chief)).with(csrf()).param("title", "Awareness 2027")
                        .param("kind", "CLASSROOM").param("passMark", "eighty"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"passMark-error\"")))
                .andExpect(content().string(containsString("Enter a number.")))
                .andExpect(content().string(containsString("value=\"Awareness 2027\"")));
    }

    // ------------------------------------------------------------ the register's request form and projects

    @Test
    void anUnknownEmployeeNumberAndABadDateAreShownBesideTheirFieldsKeepingTheSecrets() throws Exception {
        mvc.perform(post("/agreements").with(as(hr)).with(csrf()).param("employeeNumber", "NOBODY-" + System.nanoTime())
                        .param("kind", "JOINING").param("secrets", "製造原価の一覧"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"employeeNumber-error\"")))
                .andExpect(content().string(containsString("製造原価の一覧")));
        mvc.perform(post("/agreements").with(as(hr)).with(csrf()).param("employeeNumber", "E1")
                        .param("kind", "JOINING").param("dueOn", "2026-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"dueOn-error\"")))
                .andExpect(content().string(containsString("日付は YYYY-MM-DD の形で入力してください")))
                .andExpect(content().string(containsString("value=\"2026-02-30\"")));
    }

    @Test
    void theRequestFormIsRefusedToEmployeesAuditorsAndAnonymous() throws Exception {
        mvc.perform(post("/agreements").with(as(employee)).with(csrf()).param("employeeNumber", "E1").param("kind", "JOINING"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agreements").with(as(users.create(Role.AUDITOR))).with(csrf()).param("employeeNumber", "E1")
                .param("kind", "JOINING")).andExpect(status().isForbidden());
        mvc.perform(post("/agreements").with(csrf()).param("employeeNumber", "E1").param("kind", "JOINING"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void projectsShowTheNamesAndEmployeeNumbersOfTheirPeople() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails member = reg.employee(dept);
        PersonView person = directory.findPerson(member.personId()).orElseThrow();
        String key = "test-project-" + System.nanoTime();
        jdbc.sql("insert into agreement.project (project_key, name) values (?, ?)").params(key, "試作プロジェクト " + key).update();
        Register.as(hr, () -> agreements.requestPledge(new PledgeDraft(member.personId(), PledgeKind.PROJECT,
                List.of("試作品の図面"), key, "試作プロジェクト " + key, null, null, null)));
        mvc.perform(get("/agreements/projects").with(as(hr))).andExpect(status().isOk())
                .andExpect(content().string(containsString("試作プロジェクト " + key)))
                .andExpect(content().string(containsString(person.employeeNumber())))
                .andExpect(content().string(containsString(person.name())));
        mvc.perform(get("/agreements/projects").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/agreements/projects")).andExpect(status().is3xxRedirection());
    }
}
