package dev.mamori.agreement;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * A course's assignment and attendance forms: a refusal or a malformed date is shown beside its field in the
 * reader's language, with what was typed kept; only HR-like roles may use them.
 */
@MamoriTest
class TrainingFormErrorsTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    MamoriUserDetails hr;
    long course;

    @BeforeEach
    void aCourse() throws Exception {
        hr = users.create(Role.HR);
        String location = mvc.perform(post("/training").with(as(hr)).with(csrf())
                        .param("title", "出席確認 " + System.nanoTime()).param("kind", "CLASSROOM").param("passMark", "100"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/training/*"))
                .andReturn().getResponse().getRedirectedUrl();
        course = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anUnknownEmployeeNumberIsShownBesideTheListWhichIsKeptAsTyped() throws Exception {
        String typed = "NOBODY-" + System.nanoTime() + ", ALSO-NOBODY";
        mvc.perform(post("/training/" + course + "/attendance").with(as(hr)).with(csrf()).param("employeeNumbers", typed))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"employeeNumbers-error\"")))
                .andExpect(content().string(containsString(typed)));
    }

    @Test
    void anEmptyAttendanceListIsRefusedInEnglishBesideTheField() throws Exception {
        var english = users.inLanguage(users.create(Role.HR), Locale.ENGLISH);
        mvc.perform(post("/training/" + course + "/attendance").with(as(english)).with(csrf()).param("employeeNumbers", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"employeeNumbers-error\"")))
                .andExpect(content().string(containsString("Enter the employee number of at least one person who attended.")));
    }

    @Test
    void aMalformedDueDateIsShownBesideTheDateKeepingWhatWasTyped() throws Exception {
        mvc.perform(post("/training/" + course + "/assignments").with(as(hr)).with(csrf()).param("dueOn", "2027-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"dueOn-error\"")))
                .andExpect(content().string(containsString("value=\"2027-02-30\"")));
    }

    @Test
    void aValidAssignmentGoesBackToTheCourse() throws Exception {
        mvc.perform(post("/training/" + course + "/assignments").with(as(hr)).with(csrf()).param("dueOn", "2027-03-31"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void employeesAuditorsAndAnonymousCannotAssignOrRecordAttendance() throws Exception {
        for (Role role : new Role[] {Role.EMPLOYEE, Role.AUDITOR}) {
            mvc.perform(post("/training/" + course + "/assignments").with(as(users.create(role))).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/training/" + course + "/attendance").with(as(users.create(role))).with(csrf())
                    .param("employeeNumbers", "E1")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/training/" + course + "/attendance").with(csrf()).param("employeeNumbers", "E1"))
                .andExpect(status().is3xxRedirection());
    }
}
