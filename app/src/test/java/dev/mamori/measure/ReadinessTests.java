package dev.mamori.measure;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.internal.documents.Acknowledgements;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;
import dev.mamori.policy.internal.documents.PublishRequest;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Trade-secret readiness follows the records: change the register, the acknowledgements, the selections or the
 * publicity checks and the indicator's score changes; pledges come from the agreement module.
 * Only the reading roles and the entry's manager see it, and an entry hidden from the caller is not found.
 */
@MamoriTest
class ReadinessTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired SecretReadiness readiness;
    @Autowired Measures measures;
    @Autowired Ledger ledger;
    @Autowired Documents documents;
    @Autowired Acknowledgements acknowledgements;

    Register reg;
    long dept;
    MamoriUserDetails manager, holder, chief;
    long secret;
    String name;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        holder = reg.employee(dept);
        chief = users.create(Role.CHIEF_OFFICER);
        name = Register.unique("配合比率");
        secret = reg.asset(manager, dept, name);
        reg.designate(manager, secret, "CONFIDENTIAL", AccessHolder.person(holder.personId()));
    }

    Readiness now() {
        return as(chief, () -> readiness.readiness(secret));
    }

    int score(Indicator i) {
        return now().indicator(i).score();
    }

    @Test
    void designationAndHoldersComeFromTheRegister() {
        Readiness r = now();
        assertThat(r.indicator(Indicator.DESIGNATED_AND_MARKED).score()).isEqualTo(100);
        assertThat(r.indicator(Indicator.ACCESS_RESTRICTED).score()).isEqualTo(100);
        reg.designate(manager, secret, "CONFIDENTIAL", AccessHolder.person(holder.personId()), AccessHolder.role("EMPLOYEE"));
        assertThat(score(Indicator.ACCESS_RESTRICTED)).isEqualTo(80);
        assertThat(now().indicator(Indicator.ACCESS_RESTRICTED).missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("measure.readiness.missing.roleHolders");
    }

    @Test
    void usefulnessFollowsTheRecordedDecision() {
        assertThat(score(Indicator.USEFULNESS_RECORDED)).isZero();
        as(manager, () -> inventory.decide(secret, new SecrecyAnswers(null, null, null, null, true, null, null, null,
                null, null), SecrecyOutcome.KEEP_SECRET, "競合に知られると価格優位を失う"));
        assertThat(score(Indicator.USEFULNESS_RECORDED)).isEqualTo(50);
        assertThat(now().score(Requirement.USEFULNESS)).isEqualTo(50);
    }

    @Test
    void pledgesComeFromTheAgreementModule() {
        // no holder has signed anything yet: the agreement module says so (its own tests follow the signatures)
        ReadinessIndicator pledges = now().indicator(Indicator.PLEDGES_COVER_HOLDERS);
        assertThat(pledges.score()).isZero();
        assertThat(pledges.source()).isEqualTo("agreement");
        assertThat(pledges.missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("agreement.readiness.missing.unsigned");
    }

    @Test
    void acknowledgementOfTheRegulationByTheHolderRaisesTheScore() {
        int version = as(chief, () -> documents.publish(DocumentKind.REGULATION, new PublishRequest(null, List.of(dept))))
                .number();
        ReadinessIndicator before = now().indicator(Indicator.REGULATION_ACKNOWLEDGED);
        assertThat(before.score()).isZero();
        assertThat(before.missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("measure.readiness.missing.ackPending");
        as(holder, () -> acknowledgements.acknowledge(DocumentKind.REGULATION, version));
        assertThat(score(Indicator.REGULATION_ACKNOWLEDGED)).isEqualTo(100);
    }

    @Test
    void measuresOfTheLevelInOperationRaiseAndMeasuresNotStartedLowerTheScore() {
        MeasureView inOperation = as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.EMPLOYEE,
                Purpose.VISIBILITY, Register.unique("監視"), null)));
        as(chief, () -> measures.select(new SelectionDraft(inOperation.id(), List.of("CONFIDENTIAL"), null,
                SelectionStatus.IN_OPERATION, null, null, null, null)));
        int withOne = score(Indicator.LEVEL_MEASURES_IN_PLACE);
        assertThat(withOne).isPositive();
        MeasureView notStarted = as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.EMPLOYEE,
                Purpose.AWARENESS, Register.unique("研修"), null)));
        as(chief, () -> measures.select(new SelectionDraft(notStarted.id(), List.of("CONFIDENTIAL"), null,
                SelectionStatus.NOT_STARTED, null, null, null, null)));
        assertThat(score(Indicator.LEVEL_MEASURES_IN_PLACE)).isLessThan(withOne);
    }

    @Test
    void publicityChecksAreRecordedInTheLedgerAndDecideNonPublicity() {
        assertThat(score(Indicator.PUBLICITY_CHECKED)).isZero();
        var today = inventory.today();
        as(chief, () -> readiness.recordPublicityCheck(secret, new PublicityCheckDraft(today, "J-PlatPat",
                PublicityCheck.Result.NOT_FOUND, null)));
        assertThat(score(Indicator.PUBLICITY_CHECKED)).isEqualTo(100);
        assertThat(now().score(Requirement.NOT_PUBLIC)).isEqualTo(100);
        as(chief, () -> readiness.recordPublicityCheck(secret, new PublicityCheckDraft(today, "学会誌",
                PublicityCheck.Result.FOUND, "2026年の論文")));
        assertThat(score(Indicator.PUBLICITY_CHECKED)).isZero();
        List<LedgerEntry> trail = ledger.historyOf(Subject.of("asset", secret));
        assertThat(trail).filteredOn(e -> e.action().equals("measure.publicityCheck.recorded")).hasSize(2);
        assertThatThrownBy(() -> as(chief, () -> readiness.recordPublicityCheck(secret, new PublicityCheckDraft(
                today.plusDays(1), "web", PublicityCheck.Result.NOT_FOUND, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("checkedOn"));
    }

    @Test
    void onlyReadingRolesAndTheEntrysManagerSeeReadiness() throws Exception {
        String url = "/api/v1/measures/readiness/" + secret;
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).with(as(holder))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(users.create(Role.HR)))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(reg.manager(reg.department(null))))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(manager))).andExpect(status().isOk())
                .andExpect(jsonPath("$.readiness.name").value(name));
        mvc.perform(get(url).with(as(users.create(Role.AUDITOR)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.length()").value(Indicator.values().length));
        mvc.perform(post(url + "/publicity-checks").with(as(users.create(Role.AUDITOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkedOn\":\"2026-01-05\",\"sources\":\"web\",\"result\":\"NOT_FOUND\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aConcealedEntryIsNotFoundForThoseOutsideItsHolders() throws Exception {
        long top = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, top, "TOP_SECRET", AccessHolder.person(manager.personId()));
        mvc.perform(get("/api/v1/measures/readiness/" + top).with(as(users.create(Role.LEGAL))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/measures/readiness/" + top).with(as(reg.manager(dept)))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/measures/readiness/" + top).with(as(chief))).andExpect(status().isOk());
        assertThat(as(users.create(Role.LEGAL), () -> readiness.all())).extracting(Readiness::assetId).doesNotContain(top);
        assertThat(as(chief, () -> readiness.all())).extracting(Readiness::assetId).contains(top, secret);
    }

    @Test
    void pagesShowTheSecretAndFieldErrorsOfTheCheckForm() throws Exception {
        mvc.perform(get("/measures/readiness").param("departmentId", String.valueOf(dept)).with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
        mvc.perform(get("/measures/readiness/" + secret).with(as(manager))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有効な誓約書に署名していません")));
        mvc.perform(post("/measures/readiness/" + secret + "/publicity-checks").with(as(manager)).with(csrf())
                        .param("checkedOn", "2999-01-01").param("sources", "").param("result", "NOT_FOUND"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("確認日に未来の日付は指定できません")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("調べた情報源を入力してください")));
        mvc.perform(post("/measures/readiness/" + secret + "/publicity-checks").with(as(manager)).with(csrf())
                        .param("checkedOn", inventory.today().toString()).param("sources", "J-PlatPat")
                        .param("result", "NOT_FOUND"))
                .andExpect(status().is3xxRedirection());
        assertThat(score(Indicator.PUBLICITY_CHECKED)).isEqualTo(100);
    }

    @Test
    void theDossierNamesTheEntryItsLevelAndItsAuditTrail() throws Exception {
        as(chief, () -> readiness.recordPublicityCheck(secret, new PublicityCheckDraft(inventory.today(), "J-PlatPat",
                PublicityCheck.Result.NOT_FOUND, null)));
        byte[] pdf = mvc.perform(get("/measures/readiness/" + secret + "/dossier").with(as(chief)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(text).contains(name).contains("CONFIDENTIAL").contains("inventory.asset.registered")
                .contains("inventory.asset.designated").contains("measure.publicityCheck.recorded")
                .contains("出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)");
        assertThat(ledger.historyOf(Subject.of("asset", secret))).extracting(LedgerEntry::action)
                .contains("measure.dossier.exported");
        mvc.perform(get("/measures/readiness/" + secret + "/dossier").with(as(holder))).andExpect(status().isForbidden());
    }
}
