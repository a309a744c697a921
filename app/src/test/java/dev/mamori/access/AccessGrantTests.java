package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static dev.mamori.access.AccessWorld.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.policy.Outcome;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class AccessGrantTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    @Test
    void anOutsiderIsRefusedUntilTheManagerGrantsAccessAndThenWithinTheGrantsLevel() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails outsider = w.outsider();
        long person = outsider.personId();

        AccessCheck before = checks.check(AccessQuestion.of(person, Action.VIEW, w.topSecret));
        assertThat(before.permitted()).isFalse();
        assertThat(before.reasonKey()).isEqualTo("policy.decision.notAccessHolder");

        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person),
                AccessLevel.VIEW, "共同開発の評価のため", null, LocalDate.now(Directory.JAPAN).plusDays(30))));

        AccessCheck view = checks.check(AccessQuestion.of(person, Action.VIEW, w.topSecret));
        assertThat(view.outcome()).isNotEqualTo(Outcome.DENY);
        assertThat(view.levelCode()).isEqualTo("TOP_SECRET");
        AccessCheck download = checks.check(AccessQuestion.of(person, Action.DOWNLOAD, w.topSecret));
        assertThat(download.permitted()).isFalse();
        assertThat(download.reasonKey()).isEqualTo("access.check.grantTooNarrow");
        assertThat(ledger.historyOf(Subject.of("grant", g.id()))).extracting(e -> e.action()).contains("access.grant.issued");

        run(w.manager, () -> access.revoke(g.id(), "終了"));
        assertThat(checks.check(AccessQuestion.of(person, Action.VIEW, w.topSecret)).permitted()).isFalse();
        assertThat(ledger.historyOf(Subject.of("grant", g.id()))).extracting(e -> e.action()).contains("access.grant.ended");
    }

    @Test
    void aGrantToADepartmentCoversItsSubDepartments() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        long parent = w.reg.department(null);
        long child = w.reg.department(parent);
        MamoriUserDetails member = w.reg.employee(child);
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.department(parent), AccessLevel.DOWNLOAD,
                "部門横断プロジェクト", null, null)));
        assertThat(checks.check(AccessQuestion.of(member.personId(), Action.VIEW, w.topSecret)).outcome())
                .isNotEqualTo(Outcome.DENY);
    }

    @Test
    void onlyTheEntrysManagerOrTheChiefOfficerGrants() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails outsider = w.outsider();
        MamoriUserDetails otherManager = w.reg.manager(w.reg.department(null));
        GrantDraft draft = new GrantDraft(w.confidential, AccessHolder.person(outsider.personId()), AccessLevel.VIEW,
                "理由", null, null);
        assertThatThrownBy(() -> as(otherManager, () -> access.grant(draft))).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> as(outsider, () -> access.grant(draft))).isInstanceOf(AccessRefusedException.class);
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        assertThat(as(chief, () -> access.grant(draft)).live()).isTrue();
        assertThatThrownBy(() -> as(w.manager, () -> access.grant(new GrantDraft(w.plain,
                AccessHolder.person(outsider.personId()), AccessLevel.VIEW, "理由", null, null))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aGrantStopsCountingAtItsEndAndTheJobRecordsItsExpiry() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails outsider = w.outsider();
        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(outsider.personId()),
                AccessLevel.VIEW, "短期", null, LocalDate.now(Directory.JAPAN))));
        assertThat(checks.check(AccessQuestion.of(outsider.personId(), Action.VIEW, w.topSecret)).outcome())
                .isNotEqualTo(Outcome.DENY);
        // the end moves into the past (as if the day had passed): the stored grant is read again by the index
        jdbc.sql("update access.entry_grant set starts_at = ?, ends_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)),
                        java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), g.id()).update();
        access.expireGrants();
        assertThat(jdbc.sql("select end_reason from access.entry_grant where id = ?").param(g.id()).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(checks.check(AccessQuestion.of(outsider.personId(), Action.VIEW, w.topSecret)).permitted()).isFalse();
        assertThat(ledger.historyOf(Subject.of("grant", g.id()))).extracting(e -> e.action()).contains("access.grant.expired");
    }

    @Test
    void theInMemoryIndexLetsAGrantLapseAtItsEndWithoutTheJob() {
        dev.mamori.access.internal.AccessIndex index = new dev.mamori.access.internal.AccessIndex(4, 4, 4);
        index.putDepartment(1, null, new long[0]);
        index.putPerson(7, false, new long[]{1}, 0, new long[0]);
        index.putAsset(100, "TOP_SECRET", 1, 9, false, java.util.List.of());
        index.addGrant(1, 100, new dev.mamori.access.internal.AccessIndex.Holder(0, 7), 0, 1000, 1060L);
        assertThat(index.facts(7, 100, 1059).grantLevel()).isZero();
        assertThat(index.facts(7, 100, 1060).grantLevel()).isEqualTo(-1);
        assertThat(index.facts(7, 100, 999).grantLevel()).isEqualTo(-1);
    }

    @Test
    void undesignatedEntriesAreOpenAndLeftOrUnknownPeopleAreRefused() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails outsider = w.outsider();
        AccessCheck plain = checks.check(AccessQuestion.of(outsider.personId(), Action.VIEW, w.plain));
        assertThat(plain.permitted()).isTrue();
        assertThat(plain.reasonKey()).isEqualTo("access.check.notDesignated");
        assertThat(checks.check(AccessQuestion.of(-5, Action.VIEW, w.plain)).reasonKey()).isEqualTo("access.check.unknownPerson");
        assertThat(checks.check(AccessQuestion.of(outsider.personId(), Action.VIEW, -5)).reasonKey()).isEqualTo("access.check.unknownEntry");
    }

    @Test
    void aPersonsGrantsIncludeThoseThatCoverThemThroughTheirDepartmentAndRoles() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails member = w.reg.employee(w.dept);
        Grant personal = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(member.personId()),
                AccessLevel.DOWNLOAD, "個人", null, null)));
        Grant byDepartment = as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.department(w.dept),
                AccessLevel.VIEW, "部内", null, null)));
        Grant byRole = as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.role("EMPLOYEE"),
                AccessLevel.VIEW, "全員", null, null)));
        Grant ended = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.department(w.dept),
                AccessLevel.VIEW, "終了済", null, null)));
        run(w.manager, () -> access.revoke(ended.id(), "不要"));

        assertThat(as(member, () -> access.grantsOfPerson(member.personId()))).extracting(Grant::id)
                .contains(personal.id(), byDepartment.id(), byRole.id()).doesNotContain(ended.id());
        // someone of another department is not covered by the department's grant
        MamoriUserDetails outsider = w.outsider();
        assertThat(as(outsider, () -> access.grantsOfPerson(outsider.personId()))).extracting(Grant::id)
                .contains(byRole.id()).doesNotContain(byDepartment.id(), personal.id());
    }
}
