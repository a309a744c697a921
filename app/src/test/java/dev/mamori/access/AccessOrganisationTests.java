package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/** The organisation drives grants through the directory's events, delivered by the publication registry. */
@MamoriTest
@EnableScenarios
class AccessOrganisationTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired AccessChecks checks;
    @Autowired JdbcClient jdbc;
    @Autowired ApiTokens tokens;

    String state(long grantId) {
        return jdbc.sql("select coalesce(end_reason, review_flag, 'LIVE') from access.entry_grant where id = ?")
                .param(grantId).query(String.class).single();
    }

    Grant grant(AccessWorld w, long asset, long person) {
        return as(w.manager, () -> access.grant(new GrantDraft(asset, AccessHolder.person(person), AccessLevel.VIEW,
                "業務上必要", null, null)));
    }

    @Test
    void aTransferFlagsThePersonsGrantsForReview(Scenario scenario) {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = grant(w, w.topSecret, person.personId());
        MamoriUserDetails hr = users.create(Role.HR);
        long newDept = w.reg.department(null);
        PersonView p = directory.findPerson(person.personId()).orElseThrow();

        scenario.stimulate(() -> as(hr, () -> {
                    directory.updatePerson(p.id(), new PersonDraft(p.employeeNumber(), p.name(), p.nameKana(), p.email(),
                            p.position(), p.employmentType(), p.employer(), newDept, List.of(), p.joinedOn()), p.version());
                    return null;
                }))
                .andWaitForStateChange(() -> state(g.id()))
                .andVerify(s -> assertThat(s).isEqualTo("TRANSFERRED"));
        assertThat(as(w.manager, () -> access.reviews())).filteredOn(r -> r.assetId() == w.topSecret).singleElement()
                .satisfies(r -> assertThat(r.flagged()).isEqualTo(1));
    }

    @Test
    void aNoticeOfLeavingEndsGrantsAtTheHighestLevelAndFlagsTheOthers(Scenario scenario) {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant top = grant(w, w.topSecret, person.personId());
        Grant conf = grant(w, w.confidential, person.personId());
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);

        scenario.stimulate(() -> as(hr, () -> {
                    directory.notifyLeave(person.personId(), today, today.plusDays(30));
                    return null;
                }))
                .andWaitForStateChange(() -> state(top.id()) + "/" + state(conf.id()), s -> !s.contains("LIVE"))
                .andVerify(s -> assertThat(s).isEqualTo("LEAVE_NOTIFIED/LEAVE_NOTIFIED"));
        assertThat(jdbc.sql("select ended_at is not null from access.entry_grant where id = ?").param(top.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select ended_at is null from access.entry_grant where id = ?").param(conf.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(checks.check(AccessQuestion.of(person.personId(), Action.VIEW, w.topSecret)).permitted()).isFalse();
    }

    @Test
    void leavingEndsEveryGrantAndTheAccountsTokensAndChecksRefuseAtOnce(Scenario scenario) {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = grant(w, w.topSecret, person.personId());
        String token = users.token(person);
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);

        scenario.stimulate(() -> as(hr, () -> {
                    directory.markLeft(person.personId(), today);
                    return null;
                }))
                .andWaitForStateChange(() -> state(g.id()) + "/" + tokens.authenticate(token).isPresent(),
                        s -> s.equals("PERSON_LEFT/false"))
                .andVerify(s -> assertThat(s).isEqualTo("PERSON_LEFT/false"));
        AccessCheck c = checks.check(AccessQuestion.of(person.personId(), Action.VIEW, w.plain));
        assertThat(c.permitted()).isFalse();
        assertThat(c.reasonKey()).isEqualTo("access.check.personLeft");
    }

    @Test
    void anOverdueReviewIsATaskForTheManagerAndEscalatesToTheChiefOfficerOnce() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = grant(w, w.topSecret, person.personId());
        jdbc.sql("update access.entry_grant set starts_at = starts_at - interval '400 days' where id = ?").param(g.id()).update();
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);

        assertThat(as(w.manager, () -> access.reviews())).filteredOn(r -> r.assetId() == w.topSecret).singleElement()
                .satisfies(r -> assertThat(r.overdue()).isTrue());
        assertThat(access.escalateOverdueReviews()).contains(w.topSecret);
        assertThat(access.escalateOverdueReviews()).doesNotContain(w.topSecret);
        assertThat(jdbc.sql("select count(*) from platform.notification where account_id = ? and message_key = 'access.notice.reviewEscalated' and ? = any(args)")
                .params(chief.accountId(), String.valueOf(w.topSecret)).query(Long.class).single()).isEqualTo(1);

        AccessWorld.run(w.manager, () -> access.completeReview(w.topSecret));
        assertThat(as(w.manager, () -> access.reviews())).filteredOn(r -> r.assetId() == w.topSecret).singleElement()
                .satisfies(r -> assertThat(r.overdue()).isFalse());
        assertThat(ChronoUnit.DAYS.between(LocalDate.now(Directory.JAPAN), as(w.manager, () -> access.reviews()).stream()
                .filter(r -> r.assetId() == w.topSecret).findFirst().orElseThrow().due())).isGreaterThan(150);
    }
}
