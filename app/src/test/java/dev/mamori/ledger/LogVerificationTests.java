package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.ledger.internal.Checkpoints;
import dev.mamori.ledger.internal.LogVerification;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * "Verify the whole log now" recomputes every leaf and the latest checkpoint's root and finds an altered entry;
 * the audit trail page shows the latest checkpoint with its time-stamp and each entry's status; the dashboard
 * shows the latest checkpoint to those who may see the trail.
 */
@MamoriTest
class LogVerificationTests {

    @Autowired Ledger ledger;
    @Autowired Checkpoints checkpoints;
    @Autowired LogVerification verification;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    Document page(String url, boolean htmx, Role role) throws Exception {
        var request = get(url).with(TestUsers.as(users.inLanguage(users.create(role), java.util.Locale.ENGLISH)));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theWholeLogVerifiesAndAnAlteredEntryIsFound() throws Exception {
        long seq = ledger.record("test.verify.recorded", Subject.of("verify", UUID.randomUUID().toString()), Map.of("n", 1));
        checkpoints.create();
        LogVerification.Progress passed = verification.start().get(120, TimeUnit.SECONDS);
        assertThat(passed.state()).isEqualTo(LogVerification.State.PASSED);
        assertThat(passed.checked()).isGreaterThanOrEqualTo(seq);
        assertThat(passed.rootMatches()).isTrue();
        assertThat(passed.signatureValid()).isTrue();

        String original = jdbc.queryForObject("select details::text from ledger.entry where seq = ?", String.class, seq);
        jdbc.execute("alter table ledger.entry disable trigger entry_no_update_or_delete");
        try {
            jdbc.update("update ledger.entry set details = '{\"n\": 2}'::jsonb where seq = ?", seq);
            LogVerification.Progress failed = verification.start().get(120, TimeUnit.SECONDS);
            assertThat(failed.state()).isEqualTo(LogVerification.State.FAILED);
            assertThat(failed.problems()).contains(seq);

            Document trail = page("/ledger?subjectType=verify", false, Role.AUDITOR);
            assertThat(trail.select("#ledger-table tbody tr").first().select(".ledger-MISMATCH").text()).isEqualTo("Mismatch");
            Document result = page("/ledger/verification", true, Role.AUDITOR);
            assertThat(result.select("#ledger-verification .alert-error").text()).contains(String.valueOf(seq));
        } finally {
            jdbc.update("update ledger.entry set details = ?::jsonb where seq = ?", original, seq);
            jdbc.execute("alter table ledger.entry enable trigger entry_no_update_or_delete");
        }
        assertThat(verification.start().get(120, TimeUnit.SECONDS).state()).isEqualTo(LogVerification.State.PASSED);
    }

    @Test
    void theTrailShowsTheLatestCheckpointItsTimeStampAndEachEntrysStatus() throws Exception {
        String id = UUID.randomUUID().toString();
        ledger.record("test.verify.recorded", Subject.of("verify-page", id), Map.of());
        checkpoints.create();
        ledger.record("test.verify.later", Subject.of("verify-page", id), Map.of());

        Document trail = page("/ledger?subjectType=verify-page&subjectId=" + id, false, Role.AUDITOR);
        assertThat(trail.select("#ledger-checkpoint").text())
                .contains("Time-stamp (RFC 3161)", "Mamori built-in TSA — NOT an accredited third party");
        assertThat(trail.select("#ledger-checkpoint .hash").text()).hasSize(64);
        assertThat(trail.select("#ledger-table tbody tr")).hasSize(2);
        assertThat(trail.select("#ledger-table tbody tr").get(0).select(".ledger-PENDING").text()).isEqualTo("Awaiting checkpoint");
        assertThat(trail.select("#ledger-table tbody tr").get(1).select(".ledger-VERIFIED").text()).isEqualTo("Verified");
        assertThat(trail.select("#ledger-verification button").text()).isEqualTo("Verify the whole log now");
    }

    @Test
    void theVerificationHasAFullPageAndAnHtmxFragment() throws Exception {
        verification.start().get(120, TimeUnit.SECONDS);
        Document full = page("/ledger/verification", false, Role.IT_SECURITY);
        assertThat(full.select("h1").text()).isEqualTo("Verify the whole log");
        assertThat(full.select("#ledger-verification")).hasSize(1);
        Document fragment = page("/ledger/verification", true, Role.IT_SECURITY);
        assertThat(fragment.select("h1")).isEmpty();
        assertThat(fragment.select("#ledger-verification .alert-ok").text()).startsWith("Verified");
    }

    @Test
    void startingTheVerificationRedirectsOrSwapsTheStatus() throws Exception {
        var auditor = users.create(Role.AUDITOR);
        mvc.perform(post("/ledger/verification").with(TestUsers.as(auditor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ledger/verification"));
        String html = mvc.perform(post("/ledger/verification").header("HX-Request", "true")
                        .with(TestUsers.as(auditor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(html).select("#ledger-verification")).hasSize(1);
        verification.start().get(120, TimeUnit.SECONDS);
    }

    @Test
    void onlyThoseWhoMaySeeTheTrailMayVerify() throws Exception {
        mvc.perform(get("/ledger/verification")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ledger/verification").with(TestUsers.as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ledger/verification").with(TestUsers.as(users.create(Role.EMPLOYEE))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDashboardShowsTheLatestCheckpointToAuditorsOnly() throws Exception {
        ledger.record("test.verify.recorded", Subject.of("verify-dash", UUID.randomUUID().toString()), Map.of());
        checkpoints.create();
        Document auditor = page("/", false, Role.AUDITOR);
        assertThat(auditor.select("#platform-cards").text())
                .contains("Entries in the latest checkpoint", "built-in TSA, not accredited");
        Document employee = page("/", false, Role.EMPLOYEE);
        assertThat(employee.select("#platform-cards").text()).doesNotContain("Entries in the latest checkpoint");
    }
}
