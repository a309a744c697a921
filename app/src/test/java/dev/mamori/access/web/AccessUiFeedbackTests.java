package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.Grant;
import dev.mamori.access.GrantDraft;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * What the access pages tell their user: a confirmation after a request is filed and after each step of a
 * review, and which grants the review has kept and until when each runs; the forms name people by 社員番号, as
 * the pages show them; the recipient of an e-mail outside or a provision to a third party; and the limits of
 * text inputs, known to the browser before it submits.
 */
@MamoriTest
class AccessUiFeedbackTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired MessageSource messages;

    MamoriUserDetails manager;
    MamoriUserDetails employee;
    long secret;

    private void world() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        secret = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        employee = reg.employee(reg.department(null));
    }

    private String number(MamoriUserDetails user) {
        return directory.findPerson(user.personId()).orElseThrow().employeeNumber();
    }

    private String ja(String key, Object... args) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.JAPANESE));
    }

    @Test
    void aFiledRequestIsConfirmed() throws Exception {
        world();
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "ACCESS")
                        .param("assetId", String.valueOf(secret)).param("level", "VIEW").param("reason", "設計レビュー")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "access.requests.submittedNotice"));
        mvc.perform(get("/access/requests").with(as(employee)).flashAttr("notice", "access.requests.submittedNotice"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.requests.submittedNotice"))));
    }

    @Test
    void keepingAndCompletingAReviewAreConfirmedAndTheKeptGrantIsMarkedWithItsPeriod() throws Exception {
        world();
        Register reg = new Register(directory, inventory, users);
        MamoriUserDetails other = reg.employee(reg.department(null));
        LocalDate last = access.today().plusDays(30);
        Grant kept = Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(employee.personId()),
                AccessLevel.VIEW, "照合", null, last)));
        Grant open = Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(other.personId()),
                AccessLevel.VIEW, "保守", null, null)));
        String before = mvc.perform(get("/access/reviews").with(as(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(before).contains(last.toString()).doesNotContain(ja("access.reviews.confirmed"));

        mvc.perform(post("/access/reviews/grants/{id}/confirm", kept.id()).with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "access.reviews.keptNotice"));
        String after = mvc.perform(get("/access/reviews").with(as(manager)).flashAttr("notice", "access.reviews.keptNotice"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.reviews.keptNotice"))))
                .andReturn().getResponse().getContentAsString();
        // the kept grant's row says so, the other's does not
        assertThat(row(after, kept.id())).contains(ja("access.reviews.confirmed"));
        assertThat(row(after, open.id())).doesNotContain(ja("access.reviews.confirmed"));

        mvc.perform(post("/access/reviews/{id}/complete", secret).with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "access.reviews.completedNotice"));
        // a new review period begins: nothing is marked confirmed in it yet
        String next = mvc.perform(get("/access/reviews").with(as(manager)).flashAttr("notice", "access.reviews.completedNotice"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.reviews.completedNotice"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(next, kept.id())).doesNotContain(ja("access.reviews.confirmed"));
    }

    private static String row(String page, long grantId) {
        java.util.regex.Matcher m = Pattern.compile("(?s)<tr[^>]*id=\"access-review-grant-" + grantId + "\".*?</tr>").matcher(page);
        assertThat(m.find()).as("row of grant %d", grantId).isTrue();
        return m.group();
    }

    @Test
    void theGrantFormTakesThe社員番号AndRefusesYourselfByIt() throws Exception {
        world();
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", number(employee))
                        .param("level", "VIEW").param("reason", "評価のため"))
                .andExpect(status().is3xxRedirection());
        assertThat(Register.as(manager, () -> access.grantsOfEntry(secret)))
                .anyMatch(g -> g.holder().equals(AccessHolder.person(employee.personId())));
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", number(manager))
                        .param("level", "VIEW").param("reason", "自分に"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.grant.selfGrant"))));
        // the page says which number is meant
        mvc.perform(get("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)))
                .andExpect(content().string(containsString(ja("access.grant.holderRef"))))
                .andExpect(content().string(containsString("社員番号")));
    }

    @Test
    void theGrantFormTakesADepartmentByItsCodeAndNamesAnUnknownOne() throws Exception {
        world();
        long team = new Register(directory, inventory, users).department(null);
        String code = Register.as(manager, () -> directory.department(team)).code();
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "DEPARTMENT").param("holderRef", code)
                        .param("level", "VIEW").param("reason", "共同開発のため"))
                .andExpect(status().is3xxRedirection());
        assertThat(Register.as(manager, () -> access.grantsOfEntry(secret)))
                .anyMatch(g -> g.holder().equals(AccessHolder.department(team)));
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "DEPARTMENT").param("holderRef", "NO-SUCH-DEPT")
                        .param("level", "VIEW").param("reason", "共同開発のため"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.grant.unknownHolder", "NO-SUCH-DEPT"))));
    }

    @Test
    void theDelegationFormTakesThe社員番号AndAsksForAnEmptyOne() throws Exception {
        world();
        String from = access.today().toString();
        String to = access.today().plusDays(3).toString();
        mvc.perform(post("/access/inbox/delegations").with(as(manager)).with(csrf())
                        .param("delegateEmployeeNumber", "").param("startsOn", from).param("endsOn", to))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.delegation.delegateRequired"))))
                .andExpect(content().string(not(containsString(ja("access.delegation.unknownPerson")))));
        mvc.perform(post("/access/inbox/delegations").with(as(manager)).with(csrf())
                        .param("delegateEmployeeNumber", number(employee)).param("startsOn", from).param("endsOn", to))
                .andExpect(status().is3xxRedirection());
        assertThat(Register.as(manager, () -> access.myDelegations()))
                .anyMatch(d -> d.delegatePersonId() == employee.personId());
        mvc.perform(get("/access/inbox").with(as(manager)))
                .andExpect(content().string(containsString("社員番号")));
    }

    @Test
    void anEmailOutsideNamesItsRecipientWhichTheApproverAndTheRequesterSee() throws Exception {
        world();
        Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(employee.personId()),
                AccessLevel.DOWNLOAD, "見積り作成", null, null)));
        // the field is offered for the kinds that pass information on, not for the others
        mvc.perform(get("/access/requests/recipient").param("kind", "EMAIL_OUTSIDE").with(as(employee)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"recipientName\"")));
        mvc.perform(get("/access/requests/recipient").param("kind", "COPY").with(as(employee)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"recipientName\""))));
        // the same address opened as a page is the whole requests page, with the field for that kind
        mvc.perform(get("/access/requests/recipient").param("kind", "EMAIL_OUTSIDE").with(as(employee)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<nav class=\"sidenav\"")))
                .andExpect(content().string(containsString("name=\"recipientName\"")));
        // required for such a kind
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "EMAIL_OUTSIDE")
                        .param("assetId", String.valueOf(secret)).param("reason", "見積りの送付")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE").param("recipientName", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ja("access.request.recipientRequired"))))
                .andExpect(content().string(containsString("name=\"recipientName\"")));
        String recipient = "株式会社サンプル 山田様";
        // also when the form could not be bound (a date that is none)
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "EMAIL_OUTSIDE")
                        .param("assetId", String.valueOf(secret)).param("reason", "見積りの送付").param("untilOn", "someday")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE").param("recipientName", recipient))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + recipient + "\"")));
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "EMAIL_OUTSIDE")
                        .param("assetId", String.valueOf(secret)).param("reason", "見積りの送付")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE").param("recipientName", recipient))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/access/inbox").with(as(manager)))
                .andExpect(content().string(containsString(recipient)));
        mvc.perform(get("/access/requests").with(as(employee)))
                .andExpect(content().string(containsString(recipient)));
        // not kept for a kind that passes nothing on
        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "TAKE_OUT")
                        .param("assetId", String.valueOf(secret)).param("reason", "会議資料")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE").param("recipientName", "誰か宛て"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/access/requests").with(as(employee)))
                .andExpect(content().string(containsString("会議資料")))
                .andExpect(content().string(not(containsString("誰か宛て"))));
    }

    @Test
    void textInputsCarryTheServersLimits() throws Exception {
        world();
        String requests = mvc.perform(get("/access/requests").with(as(employee)))
                .andReturn().getResponse().getContentAsString();
        assertThat(requests).containsPattern(input("reason", "2000"));
        String grants = mvc.perform(get("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)))
                .andReturn().getResponse().getContentAsString();
        assertThat(grants).containsPattern(input("reason", "2000")).containsPattern(input("holderRef", "64"));
        String inbox = mvc.perform(get("/access/inbox").with(as(manager))).andReturn().getResponse().getContentAsString();
        assertThat(inbox).containsPattern(input("delegateEmployeeNumber", "32"));
        String recipient = mvc.perform(get("/access/requests/recipient").param("kind", "PROVIDE_TO_THIRD_PARTY")
                .with(as(employee))).andReturn().getResponse().getContentAsString();
        assertThat(recipient).containsPattern(input("recipientName", "200"));
    }

    /** An input named {@code name} with {@code maxlength}, whichever attribute comes first. */
    private static Pattern input(String name, String maxlength) {
        return Pattern.compile("<input(?=[^>]*name=\"" + name + "\")(?=[^>]*maxlength=\"" + maxlength + "\")[^>]*>");
    }
}
