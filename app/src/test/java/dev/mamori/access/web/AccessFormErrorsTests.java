package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.Grant;
import dev.mamori.access.GrantDraft;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Every access form answers bad input with the message beside the field, in the user's language (Japanese
 * and English), and keeps what was typed.
 */
@MamoriTest
class AccessFormErrorsTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired MessageSource messages;

    MamoriUserDetails manager;
    MamoriUserDetails employee;
    long secret;

    private void world(String lang) {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        secret = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        employee = reg.employee(reg.department(null));
        Locale locale = Locale.forLanguageTag(lang);
        manager = users.inLanguage(manager, locale);
        employee = users.inLanguage(employee, locale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theGrantFormShowsEachErrorBesideItsFieldAndKeepsTheInput(String lang) throws Exception {
        world(lang);
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", "typed-holder").param("level", "VIEW")
                        .param("reason", "").param("endsOn", "2030-01-01"))
                .andExpect(status().isOk())
                .andExpect(beside("reason", "access.grant.reasonRequired", lang))
                .andExpect(content().string(containsString("value=\"2030-01-01\"")));
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", "typed-holder").param("level", "VIEW")
                        .param("reason", "理由").param("endsOn", "2026-13-45"))
                .andExpect(status().isOk())
                .andExpect(beside("endsOn", "access.form.typeMismatch", lang))
                .andExpect(content().string(containsString("value=\"typed-holder\"")))
                .andExpect(content().string(containsString("value=\"2026-13-45\"")));
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", "999999999").param("level", "VIEW")
                        .param("reason", "入力した理由"))
                .andExpect(status().isOk())
                .andExpect(beside("holderRef", "access.grant.unknownHolder", lang, "999999999"))
                .andExpect(content().string(containsString("value=\"入力した理由\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theRequestFormNamesAnUnknownEntryBesideItsField(String lang) throws Exception {
        world(lang);
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "ACCESS")
                        .param("assetId", "987654321").param("level", "VIEW").param("reason", "私の理由")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE").param("untilOn", "tomorrow"))
                .andExpect(status().isOk())
                .andExpect(beside("untilOn", "access.form.typeMismatch", lang));
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "ACCESS")
                        .param("assetId", "987654321").param("level", "VIEW").param("reason", "私の理由")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE"))
                .andExpect(status().isOk())
                .andExpect(beside("assetId", "access.entry.notFound", lang, "987654321"))
                .andExpect(content().string(containsString("value=\"私の理由\"")));
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "ACCESS")
                        .param("assetId", String.valueOf(secret)).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(beside("reason", "access.request.reasonRequired", lang));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theDelegationFormRefusesYourselfAndABadDateBesideTheFields(String lang) throws Exception {
        world(lang);
        String own = directory.findPerson(manager.personId()).orElseThrow().employeeNumber();
        mvc.perform(post("/access/inbox/delegations").with(as(manager)).with(csrf())
                        .param("delegateEmployeeNumber", own)
                        .param("startsOn", "2030-01-01").param("endsOn", "2030-01-05"))
                .andExpect(status().isOk())
                .andExpect(beside("delegateEmployeeNumber", "access.delegation.self", lang))
                .andExpect(content().string(containsString("value=\"2030-01-05\"")));
        mvc.perform(post("/access/inbox/delegations").with(as(manager)).with(csrf())
                        .param("delegateEmployeeNumber", "no-such-number").param("startsOn", "2030-01-01").param("endsOn", "2030-01-05"))
                .andExpect(status().isOk())
                .andExpect(beside("delegateEmployeeNumber", "access.delegation.unknownPerson", lang))
                .andExpect(content().string(containsString("value=\"no-such-number\"")));
        mvc.perform(post("/access/inbox/delegations").with(as(manager)).with(csrf())
                        .param("delegateEmployeeNumber", own).param("startsOn", "2030-01-01").param("endsOn", "2030-01-0x"))
                .andExpect(status().isOk())
                .andExpect(beside("endsOn", "access.form.typeMismatch", lang));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void notesOfDecisionsEndingsAndReviewsComeBackWithTheirMessage(String lang) throws Exception {
        world(lang);
        AccessRequest r = Register.as(employee, () -> access.submit(new RequestDraft(RequestKind.ACCESS, secret,
                AccessLevel.VIEW, "確認", null, null, null, null)));
        String longNote = "長".repeat(2001);
        // rejecting needs a reason
        mvc.perform(post("/access/inbox/{id}/reject", r.id()).with(as(manager)).with(csrf()).param("note", " "))
                .andExpect(status().isOk())
                .andExpect(beside("reject-" + r.id(), "access.request.noteRequired", lang));
        // approving with a note too long keeps it
        mvc.perform(post("/access/inbox/{id}/approve", r.id()).with(as(manager)).with(csrf()).param("note", longNote))
                .andExpect(status().isOk())
                .andExpect(beside("approve-" + r.id(), "access.note.tooLong", lang, 2000))
                .andExpect(content().string(containsString(longNote)));
        Grant g = Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(employee.personId()),
                AccessLevel.VIEW, "照合", null, null)));
        mvc.perform(post("/access/grants/{id}/end", g.id()).with(as(manager)).with(csrf()).param("note", longNote))
                .andExpect(status().isOk())
                .andExpect(beside("end-" + g.id(), "access.note.tooLong", lang, 2000));
        mvc.perform(post("/access/reviews/grants/{id}/remove", g.id()).with(as(manager)).with(csrf()).param("note", longNote))
                .andExpect(status().isOk())
                .andExpect(beside("remove-" + g.id(), "access.note.tooLong", lang, 2000));
        // nothing was decided or ended
        org.assertj.core.api.Assertions.assertThat(Register.as(manager, () -> access.grantById(g.id())).live()).isTrue();
        org.assertj.core.api.Assertions.assertThat(Register.as(manager, () -> access.request(r.id())).status())
                .isEqualTo(AccessRequest.Status.PENDING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aRefusedDecisionShowsItsMessageAndNoteOnlyOnTheFormThatWasSubmitted(String lang) throws Exception {
        world(lang);
        AccessRequest r = Register.as(employee, () -> access.submit(new RequestDraft(RequestKind.ACCESS, secret,
                AccessLevel.VIEW, "確認", null, null, null, null)));
        mvc.perform(post("/access/inbox/{id}/reject", r.id()).with(as(manager)).with(csrf()).param("note", " "))
                .andExpect(status().isOk())
                .andExpect(beside("reject-" + r.id(), "access.request.noteRequired", lang))
                .andExpect(content().string(not(containsString("id=\"approve-" + r.id() + "-error\""))));
        String longNote = "承認メモ".repeat(501);
        String page = mvc.perform(post("/access/inbox/{id}/approve", r.id()).with(as(manager)).with(csrf())
                        .param("note", longNote))
                .andExpect(status().isOk())
                .andExpect(beside("approve-" + r.id(), "access.note.tooLong", lang, 2000))
                .andExpect(content().string(not(containsString("id=\"reject-" + r.id() + "-error\""))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.split(java.util.regex.Pattern.quote(longNote), -1)).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(page).containsPattern(
                "id=\"approve-" + r.id() + "\"[^>]*value=\"" + java.util.regex.Pattern.quote(longNote) + "\"|value=\""
                        + java.util.regex.Pattern.quote(longNote) + "\"[^>]*id=\"approve-" + r.id() + "\"");
    }

    /** The field's error paragraph holds the message in the language. */
    private ResultMatcher beside(String field, String key, String lang, Object... args) {
        String text = HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + java.util.regex.Pattern.quote(field + "-error") + "\"[^>]*>\\s*"
                        + java.util.regex.Pattern.quote(text) + "\\s*</p>.*"));
    }
}
