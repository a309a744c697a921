package dev.mamori.measure.web;

import static dev.mamori.support.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.inventory.Register;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/** The selection form shows its refusals beside the field, in the user's language, keeping what was entered. */
@MamoriTest
class SelectionFormErrorsTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Measures measures;

    long measure(dev.mamori.platform.internal.security.MamoriUserDetails chief) {
        return Register.as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.EMPLOYEE, Purpose.TRUST,
                Register.unique("面談"), null))).id();
    }

    @Test
    void aDateThatIsNotADateIsShownBesideTheDueDate() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        mvc.perform(post("/measures/selections").with(as(chief)).with(csrf()).param("measureId", String.valueOf(measure(chief)))
                        .param("levelCodes", "CONFIDENTIAL").param("dueDate", "2026-13-45").param("statusReason", "kept"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"dueDate-error\"")))
                .andExpect(content().string(Matchers.containsString("日付を YYYY-MM-DD の形で入力してください")));
    }

    @Test
    void notApplicableWithoutAReasonIsShownBesideTheReasonInEnglishToo() throws Exception {
        var chief = users.inLanguage(users.create(Role.CHIEF_OFFICER), Locale.ENGLISH);
        mvc.perform(post("/measures/selections").with(as(chief)).with(csrf()).param("measureId", String.valueOf(measure(chief)))
                        .param("levelCodes", "CONFIDENTIAL").param("status", "NOT_APPLICABLE").param("reviewInterval", "P6M"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"statusReason-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"P6M\"")));
    }

    @Test
    void aMissingLevelIsShownBesideTheLevels() throws Exception {
        var chief = users.create(Role.COMMITTEE);
        mvc.perform(post("/measures/selections").with(as(chief)).with(csrf()).param("measureId", String.valueOf(measure(
                        users.create(Role.CHIEF_OFFICER)))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"levelCodes-error\"")));
    }
}
