package dev.mamori.agreement;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.mamori.agreement.internal.PledgeService;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The lifecycle workflows through the event publication registry: a person who joins is asked for the
 * joining pledge (a task until signed, escalated to HR when overdue); people made access holders of a secret
 * are asked for the project pledge naming it; ending the project asks for the closing confirmation.
 */
@MamoriTest
@EnableScenarios
class AgreementWorkflowTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Agreements agreements;
    @Autowired PledgeService pledges;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationService inbox;
    @Autowired List<dev.mamori.platform.TaskContributor> contributors;

    @Test
    void aPersonWhoJoinsIsAskedForTheJoiningPledgeAndHrHearsWhenItIsOverdue(Scenario scenario) {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails hr = users.create(Role.HR);
        long[] person = new long[1];
        scenario.stimulate(() -> person[0] = reg.person(dept))
                .andWaitForStateChange(() -> agreements.pledgeStatus(person[0], PledgeKind.JOINING).state() == PledgeState.PENDING)
                .andVerify(pending -> assertThat(pending).isTrue());
        PledgeStatus status = agreements.pledgeStatus(person[0], PledgeKind.JOINING);
        var employee = new dev.mamori.platform.CurrentUser(0, "x", "x", person[0], java.util.Set.of(Role.EMPLOYEE),
                java.util.Set.of(), java.util.Locale.JAPANESE);
        assertThat(contributors.stream().flatMap(c -> c.tasksFor(employee).stream()).toList()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("sign-pledge");
            assertThat(t.href()).isEqualTo("/agreements/pledges/" + status.pledgeId());
        });

        jdbc.sql("update agreement.pledge set due_on = ? where id = ?").params(LocalDate.now().minusDays(2), status.pledgeId())
                .update();
        assertThat(pledges.escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(inbox.inbox(hr.accountId())).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("agreement.notice.escalated");
            assertThat(n.href()).isEqualTo("/agreements/pledges/" + status.pledgeId());
        });
        assertThat(pledges.escalateOverdue()).as("escalated once").isZero();
    }

    @Test
    void accessHoldersOfASecretAreAskedForTheProjectPledgeNamingItAndConfirmAtTheEnd(Scenario scenario) {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        long member = reg.person(dept);
        String name = Register.unique("軸受試作") + " 強度試験データ";
        long asset = reg.asset(manager, dept, name);
        String level = inventory.levels().get(0).code();
        scenario.stimulate(() -> reg.designate(manager, asset, level, AccessHolder.person(member)))
                .andWaitForStateChange(() -> agreements.pledgeStatus(member, PledgeKind.PROJECT).state() == PledgeState.PENDING)
                .andVerify(pending -> assertThat(pending).isTrue());
        long pledgeId = agreements.pledgeStatus(member, PledgeKind.PROJECT).pledgeId();
        MamoriUserDetails hr = users.create(Role.HR);
        List<String[]> text = as(hr, () -> pledges.text(pledgeId));
        assertThat(text).anySatisfy(l -> assertThat(l[1]).contains(name));

        String key = "asset:" + asset;
        int asked = as(hr, () -> pledges.endProject(key));
        assertThat(asked).isEqualTo(1);
        assertThat(agreements.pledgeStatus(member, PledgeKind.PROJECT_CLOSING).state()).isEqualTo(PledgeState.PENDING);
        long closing = agreements.pledgeStatus(member, PledgeKind.PROJECT_CLOSING).pledgeId();
        assertThat(as(hr, () -> pledges.text(closing))).anySatisfy(l -> assertThat(l[1]).contains(name));
    }
}
