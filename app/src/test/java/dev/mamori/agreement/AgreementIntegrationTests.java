package dev.mamori.agreement;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.mamori.agreement.internal.PledgeService;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StepState;
import dev.mamori.lifecycle.StepView;
import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.SecretReadiness;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The pledge register as evidence elsewhere: a secret's trade-secret readiness follows its holders' pledges
 * (none, the general joining pledge, a pledge naming the secret), and the leaver checklist's "leaving pledge"
 * step follows the leaving pledge (asked, signed) instead of a confirmation by hand.
 */
@MamoriTest
@EnableScenarios
class AgreementIntegrationTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Agreements agreements;
    @Autowired PledgeService pledges;
    @Autowired SecretReadiness readiness;
    @Autowired Lifecycle lifecycle;

    ReadinessIndicator pledgeIndicator(MamoriUserDetails reader, long asset) {
        return as(reader, () -> readiness.readiness(asset)).indicator(Indicator.PLEDGES_COVER_HOLDERS);
    }

    @Test
    void aSecretsReadinessFollowsThePledgesOfItsHolders(Scenario scenario) {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        MamoriUserDetails holder = reg.employee(dept);
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        long asset = reg.asset(manager, dept, Register.unique("焼結条件") + " 量産条件表");
        scenario.stimulate(() -> reg.designate(manager, asset, "CONFIDENTIAL", AccessHolder.person(holder.personId())))
                .andWaitForStateChange(() -> agreements.pledgeStatus(holder.personId(), PledgeKind.PROJECT).state()
                        == PledgeState.PENDING)
                .andVerify(pending -> assertThat(pending).isTrue());

        ReadinessIndicator none = pledgeIndicator(chief, asset);
        assertThat(none.source()).isEqualTo("agreement");
        assertThat(none.score()).isZero();
        assertThat(none.missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("agreement.readiness.missing.unsigned");

        long joining = agreements.requestPledge(new PledgeDraft(holder.personId(), PledgeKind.JOINING, List.of(), null,
                null, null, null, LocalDate.now().plusDays(14)));
        as(holder, () -> pledges.sign(joining));
        ReadinessIndicator general = pledgeIndicator(chief, asset);
        assertThat(general.score()).isEqualTo(70);
        assertThat(general.missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("agreement.readiness.missing.notNamed");

        long project = agreements.pledgeStatus(holder.personId(), PledgeKind.PROJECT).pledgeId();
        as(holder, () -> pledges.sign(project));
        ReadinessIndicator named = pledgeIndicator(chief, asset);
        assertThat(named.score()).isEqualTo(100);
        assertThat(named.missing()).isEmpty();
    }

    @Test
    void theLeaverChecklistReadsTheLeavingPledgeFromTheRegister() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails leaver = reg.employee(dept);
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = directory.today();
        lifecycle.leaveNotified(leaver.personId(), today, today.plusDays(30));

        StepView before = step(hr, leaver.personId());
        assertThat(before.confirmable()).as("never asked: confirmed by hand").isTrue();

        long id = agreements.requestPledge(new PledgeDraft(leaver.personId(), PledgeKind.LEAVING,
                List.of("試作金型の図面"), null, null, null, today.plusDays(30), today.plusDays(7)));
        StepView asked = step(hr, leaver.personId());
        assertThat(asked.state().status()).isEqualTo(StepState.Status.PENDING);
        assertThat(asked.state().source()).isEqualTo("agreement");
        assertThat(asked.confirmable()).isFalse();

        as(leaver, () -> pledges.sign(id));
        StepView signed = step(hr, leaver.personId());
        assertThat(signed.state().status()).isEqualTo(StepState.Status.DONE);
        assertThat(signed.state().on()).isEqualTo(today);
    }

    StepView step(MamoriUserDetails reader, long personId) {
        return as(reader, () -> lifecycle.checklist(personId)).steps().stream()
                .filter(s -> s.step() == LeaverStep.LEAVING_PLEDGE).findFirst().orElseThrow();
    }
}
