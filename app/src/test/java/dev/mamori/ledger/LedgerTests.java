package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class LedgerTests {

    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void refusesToUpdateOrDeleteRecordedEntries() {
        long seq = ledger.record("test.thing.created", Subject.of("thing", "1"), Map.of("a", 1));
        assertThatThrownBy(() -> jdbc.sql("update ledger.entry set action = 'x' where seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger.entry where seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate ledger.entry").update()).hasStackTraceContaining("append-only");
        assertThat(ledger.historyOf(Subject.of("thing", "1"))).extracting(LedgerEntry::seq).contains(seq);
    }

    @Test
    void entryRollsBackWithTheChangeItRecords() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ledger.record("test.thing.created", Subject.of("thing", id), Map.of());
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.historyOf(Subject.of("thing", id))).isEmpty();
    }

    @Test
    void numbersEntriesWithoutGapsEvenAfterRollbacks() {
        tx.executeWithoutResult(s -> ledger.record("test.gap.before", Subject.of("gap", "x"), Map.of()));
        try {
            tx.executeWithoutResult(s -> {
                ledger.record("test.gap.rolledBack", Subject.of("gap", "x"), Map.of());
                throw new IllegalStateException();
            });
        } catch (IllegalStateException expected) {
            // the entry above must not leave a hole in the numbering
        }
        ledger.recordAll(List.of(AuditRecord.of("test.gap.batch", Subject.of("gap", "x"), Map.of()),
                AuditRecord.of("test.gap.batch", Subject.of("gap", "x"), Map.of())));
        long max = jdbc.sql("select max(seq) from ledger.entry").query(Long.class).single();
        long count = jdbc.sql("select count(*) from ledger.entry").query(Long.class).single();
        assertThat(max).isEqualTo(count);
    }

    @Test
    void searchFiltersBySubjectActorActionAndPeriod() {
        String id = UUID.randomUUID().toString();
        ledger.record(Actor.system(), AuditRecord.of("test.search.one", Subject.of("searchable", id), Map.of()));
        ledger.record(Actor.system(), AuditRecord.of("test.search.two", Subject.of("searchable", id), Map.of()));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        assertThat(ledger.search(new LedgerQuery("searchable", id, "system", "test.search", today, today), 0, 10)
                .entries()).extracting(LedgerEntry::action).containsExactly("test.search.two", "test.search.one");
        assertThat(ledger.search(new LedgerQuery("searchable", id, null, "test.search.one", null, null), 0, 10).total())
                .isEqualTo(1);
        assertThat(ledger.search(new LedgerQuery("searchable", id, null, null, today.plusDays(1), null), 0, 10).total())
                .isZero();
        assertThat(ledger.search(new LedgerQuery("searchable", id, "someone-else", null, null, null), 0, 10).total())
                .isZero();
    }

    @Test
    void auditTrailPageIsForAuditorsOnly() throws Exception {
        String id = UUID.randomUUID().toString();
        ledger.record(Actor.system(), AuditRecord.of("test.page.shown", Subject.of("page", id), Map.of()));
        mvc.perform(get("/ledger").param("subjectId", id).with(TestUsers.as(users.create(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("test.page.shown")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html")));
        mvc.perform(get("/ledger").param("subjectId", id).header("HX-Request", "true")
                        .with(TestUsers.as(users.create(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"ledger-table\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        mvc.perform(get("/ledger").with(TestUsers.as(users.create(Role.EMPLOYEE)))).andExpect(status().isForbidden());
        mvc.perform(get("/ledger").with(TestUsers.as(users.create(Role.HR)))).andExpect(status().isForbidden());
        // entries name what they are about, 極秘 information included: not for administrators or IT security
        mvc.perform(get("/ledger").with(TestUsers.as(users.create(Role.SYSTEM_ADMIN)))).andExpect(status().isForbidden());
        mvc.perform(get("/ledger").with(TestUsers.as(users.create(Role.IT_SECURITY)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/entries").with(TestUsers.as(users.create(Role.SYSTEM_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/entries").with(TestUsers.as(users.create(Role.IT_SECURITY))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledger").with(TestUsers.as(users.create(Role.COMMITTEE)))).andExpect(status().isOk());
        mvc.perform(get("/ledger")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void auditTrailPagerKeepsTheFilter() throws Exception {
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 51; i++) {
            ledger.record(Actor.system(), AuditRecord.of("test.pager.recorded", Subject.of("pager", id), Map.of("i", i)));
        }
        mvc.perform(get("/ledger").param("subjectId", id).with(TestUsers.as(users.create(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/ledger?subjectId=" + id + "&amp;page=1")));
    }
}
