package dev.mamori.measure;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.ledger.Ledger;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.LedgerStill;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The readiness of every secret comes a page at a time, filtered by level and department and ordered by score,
 * and gives each secret exactly the readiness its own page shows (the contributors' batch form agrees with the
 * single-secret form); only the reading roles and managers see it, a manager only their own entries.
 */
@MamoriTest
class ReadinessPagingTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired SecretReadiness readiness;
    @Autowired Ledger ledger;

    Register reg;
    long dept;
    MamoriUserDetails manager, chief;
    long strong, middling, weak;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        long sub = reg.department(dept);
        manager = reg.manager(dept);
        MamoriUserDetails holder = reg.employee(dept);
        MamoriUserDetails subHolder = reg.employee(sub);
        chief = users.create(Role.CHIEF_OFFICER);
        strong = reg.asset(manager, dept, Register.unique("強"));
        reg.designate(manager, strong, "CONFIDENTIAL", AccessHolder.person(holder.personId()),
                AccessHolder.department(sub));
        as(chief, () -> readiness.recordPublicityCheck(strong, new PublicityCheckDraft(LocalDate.now(Directory.JAPAN),
                "J-PlatPat", PublicityCheck.Result.NOT_FOUND, null)));
        middling = reg.asset(manager, dept, Register.unique("中"));
        reg.designate(manager, middling, "CONFIDENTIAL", AccessHolder.person(subHolder.personId()),
                AccessHolder.role("EMPLOYEE"));
        as(chief, () -> readiness.recordPublicityCheck(middling, new PublicityCheckDraft(
                LocalDate.now(Directory.JAPAN).minusYears(2), "web", PublicityCheck.Result.NOT_FOUND, null)));
        weak = reg.asset(manager, dept, Register.unique("弱"));
        reg.designate(manager, weak, "TOP_SECRET", AccessHolder.role("EMPLOYEE"));
        for (long useful : List.of(strong, middling)) {
            as(manager, () -> inventory.decide(useful, new SecrecyAnswers(null, null, null, null, true, null, null, null,
                    null, null), SecrecyOutcome.KEEP_SECRET, "競合に知られると価格優位を失う"));
        }
    }

    ReadinessPage page(MamoriUserDetails user, ReadinessQuery query, int page, int size) {
        return as(user, () -> readiness.page(query, page, size));
    }

    /**
     * Reads the list, then each listed secret's own readiness, and asserts they agree. The two reads are apart in
     * time: a checkpoint the ledger signs in the background (or an entry an event listener appends) between them
     * changes the trail indicator legitimately, so the comparison only counts when the ledger stood still across
     * both reads, and is repeated (up to five times) when it did not. Returns the list that was compared.
     */
    List<Readiness> assertListedAsOwn(java.util.function.Supplier<List<Readiness>> list) {
        record Reads(List<Readiness> listed, List<Readiness> own) {
        }
        Reads reads = LedgerStill.read(ledger, () -> {
            List<Readiness> listed = list.get();
            return new Reads(listed, listed.stream().map(r -> as(chief, () -> readiness.readiness(r.assetId()))).toList());
        });
        for (int i = 0; i < reads.listed().size(); i++) {
            assertThat(reads.listed().get(i)).as(reads.listed().get(i).name()).isEqualTo(reads.own().get(i));
        }
        return reads.listed();
    }

    @Test
    void thePagedListGivesTheSameReadinessAsEachSecretsOwn() {
        List<Readiness> items = assertListedAsOwn(() -> page(chief, new ReadinessQuery(null, dept, null), 0, 50).items());
        assertThat(items).extracting(Readiness::assetId).containsExactlyInAnyOrder(strong, middling, weak);
        assertThat(items).extracting(Readiness::overall).isSorted();
    }

    @Test
    void theListReadsTheNewestEvaluationAndDecisionOfEachSecretAsItsOwnPageDoes() {
        long twice = reg.asset(manager, dept, Register.unique("再評価"));
        reg.designate(manager, twice, "CONFIDENTIAL", AccessHolder.person(manager.personId()));
        java.util.Map<String, dev.mamori.inventory.EvaluationDraft.Score> reasoned = new java.util.HashMap<>();
        java.util.Map<String, dev.mamori.inventory.EvaluationDraft.Score> bare = new java.util.HashMap<>();
        for (dev.mamori.inventory.Criterion c : as(manager, () -> inventory.criteria())) {
            reasoned.put(c.code(), new dev.mamori.inventory.EvaluationDraft.Score(3, "理由 " + c.code()));
            bare.put(c.code(), new dev.mamori.inventory.EvaluationDraft.Score(1, "見直し " + c.code()));
        }
        as(manager, () -> inventory.evaluate(twice, new dev.mamori.inventory.EvaluationDraft(reasoned, 1_000_000L, 5_000_000L, "初回")));
        as(manager, () -> inventory.evaluate(twice, new dev.mamori.inventory.EvaluationDraft(bare, 1_000L, 5_000L, "見直し")));
        as(manager, () -> inventory.decide(twice, new SecrecyAnswers(null, null, null, null, true, null, null, null,
                null, null), SecrecyOutcome.KEEP_SECRET, "最初の理由"));
        as(manager, () -> inventory.decide(twice, new SecrecyAnswers(null, null, null, null, true, null, null, null,
                null, null), SecrecyOutcome.KEEP_SECRET, "改めた理由"));
        Readiness listed = assertListedAsOwn(() -> page(chief, new ReadinessQuery("CONFIDENTIAL", dept, null), 0, 50)
                .items().stream().filter(r -> r.assetId() == twice).toList()).get(0);
        ReadinessIndicator usefulness = listed.indicators().stream()
                .filter(i -> i.indicator() == Indicator.USEFULNESS_RECORDED).findFirst().orElseThrow();
        // the newer evaluation's total and the newer decision's reason are shown, not the first ones
        int first = as(manager, () -> inventory.evaluations(twice)).get(1).total();
        int latest = as(manager, () -> inventory.evaluations(twice)).get(0).total();
        assertThat(latest).isNotEqualTo(first);
        assertThat(usefulness.summaryArgs()).containsExactly(String.valueOf(latest), "改めた理由");
        assertThat(usefulness.score()).isEqualTo(100);
    }

    @Test
    void everySecretOnTheFirstPagesOfTheWholeListMatchesItsOwnReadiness() {
        List<Readiness> first = assertListedAsOwn(() -> page(chief, ReadinessQuery.all(), 0, 100).items());
        assertThat(first.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void filtersByLevelAndDepartmentAndPagesInScoreOrder() {
        assertThat(page(chief, new ReadinessQuery("TOP_SECRET", dept, null), 0, 50).items())
                .extracting(Readiness::assetId).containsExactly(weak);
        ReadinessPage weakest = page(chief, new ReadinessQuery(null, dept, ReadinessQuery.Order.WEAKEST_FIRST), 0, 2);
        assertThat(weakest.total()).isEqualTo(3);
        assertThat(weakest.totalPages()).isEqualTo(2);
        assertThat(weakest.hasNext()).isTrue();
        ReadinessPage second = page(chief, new ReadinessQuery(null, dept, ReadinessQuery.Order.WEAKEST_FIRST), 1, 2);
        assertThat(second.items()).hasSize(1);
        List<Readiness> ascending = List.of(weakest.items().get(0), weakest.items().get(1), second.items().get(0));
        assertThat(ascending.get(0).assetId()).isEqualTo(weak);
        assertThat(ascending.get(0).overall()).isZero();
        assertThat(ascending.get(1).overall()).isPositive();
        assertThat(ascending).extracting(Readiness::overall).isSorted();
        List<Readiness> descending = page(chief, new ReadinessQuery(null, dept, ReadinessQuery.Order.STRONGEST_FIRST), 0,
                50).items();
        assertThat(descending.get(2).assetId()).isEqualTo(weak);
        assertThat(descending).extracting(Readiness::overall).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page(chief, new ReadinessQuery(null, dept, ReadinessQuery.Order.NAME), 0, 50).items())
                .extracting(Readiness::name).isSorted();
    }

    @Test
    void managersSeeOnlyTheirOwnEntriesAndOthersAreRefused() throws Exception {
        assertThat(page(manager, ReadinessQuery.all(), 0, 200).items()).extracting(Readiness::assetId)
                .contains(strong, middling, weak);
        MamoriUserDetails otherManager = reg.manager(reg.department(null));
        assertThat(page(otherManager, new ReadinessQuery(null, dept, null), 0, 50).items()).isEmpty();
        mvc.perform(get("/measures/readiness")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/measures/readiness")).andExpect(status().isUnauthorized());
        mvc.perform(get("/measures/readiness").with(as(users.create(Role.EMPLOYEE)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/measures/readiness").with(as(users.create(Role.HR)))).andExpect(status().isForbidden());
        mvc.perform(get("/measures/readiness").header("HX-Request", "true").with(as(users.create(Role.IT_SECURITY))))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageTheFragmentAndTheApiShowTheFilteredPage() throws Exception {
        String strongName = as(chief, () -> readiness.readiness(strong)).name();
        mvc.perform(get("/measures/readiness").param("departmentId", String.valueOf(dept)).param("level", "CONFIDENTIAL")
                        .param("order", "STRONGEST_FIRST").with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("<html"),
                        Matchers.containsString(strongName), Matchers.containsString("スコアの高い順"))));
        mvc.perform(get("/measures/readiness").param("departmentId", String.valueOf(dept)).header("HX-Request", "true")
                        .with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"measure-readinesses\""),
                        Matchers.containsString(strongName), Matchers.not(Matchers.containsString("<html")))));
        mvc.perform(get("/api/v1/measures/readiness").param("departmentId", String.valueOf(dept)).param("size", "2")
                        .param("order", "WEAKEST_FIRST").with(as(users.create(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].readiness.assetId").value((int) weak));
    }
}
