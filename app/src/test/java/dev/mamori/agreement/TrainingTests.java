package dev.mamori.agreement;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import dev.mamori.measure.EvidenceSource;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Training: HR creates an e-learning with a comprehension check and assigns it to a department; a person
 * who answers wrongly is recorded and may try again, one who passes and acknowledges completes it; completion
 * by department for HR and the department's manager only; the measure module's evidence sources.
 */
@MamoriTest
class TrainingTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Ledger ledger;
    @Autowired List<EvidenceSource> sources;

    static final String COURSE = """
            {"title":"%s","kind":"ELEARNING","material":"極秘資料は許可なく持ち出さない。","passMark":100,
             "quiz":[{"text":"極秘資料の持ち出しに必要なのは？","options":["口頭の連絡","管理責任者の許可"],"answer":1}]}
            """;

    long createAndAssign(MamoriUserDetails hr, String title, long dept) throws Exception {
        String body = mvc.perform(post("/api/v1/training").with(as(hr)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(COURSE.formatted(title)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.quiz[0].options[1]").value("管理責任者の許可"))
                .andExpect(jsonPath("$.quiz[0].answer").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1").strip());
        mvc.perform(post("/api/v1/training/" + id + "/assignments").with(as(hr)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentIds\":[" + dept + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.people").value(2));
        return id;
    }

    @Test
    void aWrongAnswerIsRecordedAndARightOneWithTheAcknowledgementCompletesTheTraining() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails hr = users.create(Role.HR);
        MamoriUserDetails learner = reg.employee(dept);
        MamoriUserDetails other = reg.employee(dept);
        long id = createAndAssign(hr, Register.unique("研修"), dept);

        mvc.perform(post("/api/v1/training/" + id + "/attempts").with(as(learner)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":[0],\"acknowledged\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.completedAt").isEmpty())
                .andExpect(jsonPath("$.score").value(0));
        mvc.perform(post("/api/v1/training/" + id + "/attempts").with(as(learner)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":[1],\"acknowledged\":false}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/training/" + id + "/attempts").param("q0", "1").param("acknowledged", "true")
                        .with(as(learner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.historyOf(Subject.of("training", id))).extracting(LedgerEntry::action)
                .contains("agreement.training.created", "agreement.training.assigned", "agreement.training.attempted",
                        "agreement.training.completed");

        mvc.perform(get("/api/v1/training/" + id + "/completion").with(as(hr)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].assigned").value(2))
                .andExpect(jsonPath("$[0].completed").value(1));
        MamoriUserDetails manager = reg.manager(dept);
        mvc.perform(get("/api/v1/training/" + id + "/completion").with(as(manager)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].assigned").value(2));
        MamoriUserDetails elsewhere = reg.manager(reg.department(null));
        mvc.perform(get("/api/v1/training/" + id + "/completion").with(as(elsewhere)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/training/" + id + "/completion").with(as(other))).andExpect(status().isForbidden());
        mvc.perform(get("/training/" + id).with(as(learner))).andExpect(status().isOk());
    }

    @Test
    void onlyHrCreatesAndAssignsAndAnonymousCallersAreRefused() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails employee = reg.employee(dept);
        mvc.perform(get("/api/v1/training")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/training").with(as(employee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(COURSE.formatted("x"))).andExpect(status().isForbidden());
        mvc.perform(post("/training").param("title", "x").param("kind", "CLASSROOM").with(as(employee)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/training").with(as(employee))).andExpect(status().isOk());
    }

    @Test
    void pledgeCoverageAndTrainingCompletionAreEvidenceForTheMeasures() {
        assertThat(sources).extracting(EvidenceSource::key).contains("agreement.pledges", "agreement.training");
        for (EvidenceSource s : sources) {
            if (s.key().startsWith("agreement.")) {
                assertThat(s.current().messageKey()).startsWith("agreement.evidence.");
                assertThat(s.current().args()).isNotEmpty();
            }
        }
    }
}
