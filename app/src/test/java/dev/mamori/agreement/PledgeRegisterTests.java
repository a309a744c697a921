package dev.mamori.agreement;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
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
 * Pledges asked for by HR, signed in Mamori by the person (the document's SHA-256 and the time in the ledger),
 * signed on paper (the scan's SHA-256), refused; who may read, sign and record what.
 */
@MamoriTest
class PledgeRegisterTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Agreements agreements;
    @Autowired Ledger ledger;

    Register reg;
    long dept;
    MamoriUserDetails hr;
    MamoriUserDetails employee;
    MamoriUserDetails colleague;
    PersonView person;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        hr = users.create(Role.HR);
        employee = reg.employee(dept);
        colleague = reg.employee(dept);
        person = directory.findPerson(employee.personId()).orElseThrow();
    }

    long requestLeaving(String secret) throws Exception {
        String body = mvc.perform(post("/api/v1/agreements").with(as(hr)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"employeeNumber":"%s","kind":"LEAVING","secrets":["%s","顧客別の価格表"],
                                 "leavingOn":"2026-12-31","nonCompetePeriodMonths":12,
                                 "nonCompeteActivities":["担当製品の設計業務を競合他社で行うこと"],"nonCompeteCompensation":"30万円"}
                                """.formatted(person.employeeNumber(), secret)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    List<LedgerEntry> history(long pledgeId) {
        return ledger.historyOf(Subject.of("pledge", pledgeId));
    }

    @Test
    void thePersonSignsTheirOwnPledgeAndTheLedgerHoldsTheDocumentsHashAndTime() throws Exception {
        long id = requestLeaving("試作品Bの強度試験データ");
        mvc.perform(get("/agreements/pledges/" + id).with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("試作品Bの強度試験データ")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第4条（競業避止）")));
        mvc.perform(post("/api/v1/agreements/pledges/" + id + "/signature").with(as(employee)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SIGNED"))
                .andExpect(jsonPath("$.method").value("IN_APP"))
                .andExpect(jsonPath("$.pdfSha256").isNotEmpty());
        PledgeStatus status = agreements.pledgeStatus(person.id(), PledgeKind.LEAVING);
        assertThat(status.state()).isEqualTo(PledgeState.SIGNED);
        assertThat(status.signedAt()).isNotNull();
        assertThat(status.validUntil()).isNotNull();
        assertThat(agreements.hasLastingObligation(person.id())).isTrue();
        LedgerEntry signed = history(id).stream().filter(e -> e.action().equals("agreement.pledge.signed")).findFirst()
                .orElseThrow();
        assertThat(signed.detailsJson()).contains("pdfSha256", "docxSha256", "textSha256", "signedAt");
        assertThat(history(id)).extracting(LedgerEntry::action).contains("agreement.pledge.requested");
        mvc.perform(get("/agreements/pledges/" + id + "/pdf").with(as(employee)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void anEmployeeCannotSignForSomeoneElseNorReadTheirPledges() throws Exception {
        long id = requestLeaving("金型の図面");
        mvc.perform(post("/api/v1/agreements/pledges/" + id + "/signature").with(as(colleague)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agreements/pledges/" + id).with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(get("/agreements/pledges/" + id).with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agreements/people/" + person.id()).with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(get("/agreements/pledges/" + id + "/docx").with(as(colleague))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agreements/pledges/" + id + "/refusal").with(as(colleague)).with(csrf()))
                .andExpect(status().isForbidden());
        // HR reads it but cannot sign in the person's place
        mvc.perform(get("/api/v1/agreements/pledges/" + id).with(as(hr))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/agreements/pledges/" + id + "/signature").with(as(hr)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(agreements.pledgeStatus(person.id(), PledgeKind.LEAVING).state()).isEqualTo(PledgeState.PENDING);
    }

    @Test
    void aManagerReadsTheirDepartmentsPledgesButNotAnotherDepartments() throws Exception {
        long id = requestLeaving("工程表");
        MamoriUserDetails manager = reg.manager(dept);
        MamoriUserDetails elsewhere = reg.manager(reg.department(null));
        mvc.perform(get("/api/v1/agreements/pledges/" + id).with(as(manager))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agreements/pledges/" + id).with(as(elsewhere))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agreements").param("departmentId", String.valueOf(dept)).with(as(elsewhere)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/agreements").param("departmentId", String.valueOf(dept)).with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == %d)].pledges.LEAVING.state", person.id()).value("PENDING"));
    }

    @Test
    void aRefusalIsRecordedAndHrCanLaterRecordACopySignedOnPaperWithItsHash() throws Exception {
        long id = requestLeaving("設計標準書");
        mvc.perform(post("/agreements/pledges/" + id + "/refusal").param("reason", "内容を持ち帰って検討したい")
                        .with(as(employee)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(agreements.pledgeStatus(person.id(), PledgeKind.LEAVING).state()).isEqualTo(PledgeState.REFUSED);
        assertThat(history(id)).extracting(LedgerEntry::action).contains("agreement.pledge.refused");
        MockMultipartFile scan = new MockMultipartFile("file", "signed.pdf", "application/pdf", "%PDF-1.4 signed".getBytes());
        mvc.perform(multipart("/agreements/pledges/" + id + "/scan").file(scan).with(as(employee)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/agreements/pledges/" + id + "/scan").file(scan).with(as(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/agreements/pledges/" + id).with(as(hr)))
                .andExpect(jsonPath("$.state").value("SIGNED"))
                .andExpect(jsonPath("$.method").value("SCAN"))
                .andExpect(jsonPath("$.scanSha256").value(dev.mamori.agreement.internal.TemplatesAccess.sha256("%PDF-1.4 signed".getBytes())));
    }

    @Test
    void theRegisterAndRequestsAreRefusedToAnonymousAndUnprivilegedCallers() throws Exception {
        mvc.perform(get("/api/v1/agreements")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agreements/templates")).andExpect(status().isUnauthorized());
        mvc.perform(get("/agreements")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/agreements").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/agreements").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agreements").with(as(employee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"%s\",\"kind\":\"LEAVING\",\"secrets\":[\"x\"]}"
                                .formatted(person.employeeNumber())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/agreements/mine").with(as(employee))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agreements/mine").with(as(employee))).andExpect(status().isOk());
    }

    @Test
    void theRegisterPageRendersAndItsTableFragmentAnswersHtmx() throws Exception {
        requestLeaving("品質記録");
        mvc.perform(get("/agreements").param("departmentId", String.valueOf(dept)).with(as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"agreement-departments\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(person.employeeNumber())));
        mvc.perform(get("/agreements").param("departmentId", String.valueOf(dept)).header("HX-Request", "true").with(as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(person.employeeNumber())));
        mvc.perform(get("/agreements/mine").with(as(employee))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("退職時")));
    }
}
