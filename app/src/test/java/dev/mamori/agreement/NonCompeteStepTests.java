package dev.mamori.agreement;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.agreement.internal.PledgeService;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StepState;
import dev.mamori.lifecycle.StepView;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The leaver checklist's non-compete step is answered by the pledge register when the leaving pledge carries a
 * non-compete clause (signed: done, refused: refused, open: pending); without one, HR marks it not needed by hand.
 */
@MamoriTest
class NonCompeteStepTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Agreements agreements;
    @Autowired PledgeService pledges;
    @Autowired Lifecycle lifecycle;

    MamoriUserDetails hr;
    MamoriUserDetails leaver;

    @BeforeEach
    void leaver() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        hr = users.create(Role.HR);
        leaver = reg.employee(dept);
        LocalDate today = directory.today();
        lifecycle.leaveNotified(leaver.personId(), today.minusDays(3), today.plusDays(25));
    }

    long askLeavingPledge(NonCompeteClause clause) {
        return as(hr, () -> agreements.requestPledge(new PledgeDraft(leaver.personId(), PledgeKind.LEAVING,
                List.of("顧客別の価格表"), null, null, clause, directory.today().plusDays(25), null)));
    }

    StepView nonCompete() {
        return as(hr, () -> lifecycle.checklist(leaver.personId())).steps().stream()
                .filter(s -> s.step() == LeaverStep.NON_COMPETE).findFirst().orElseThrow();
    }

    @Test
    void aLeavingPledgeWithANonCompeteClauseIsPendingUntilSignedThenDone() {
        long id = askLeavingPledge(new NonCompeteClause(12, "競合他社での同種製品の設計業務", "月額10万円"));
        assertThat(nonCompete().state().status()).isEqualTo(StepState.Status.PENDING);
        assertThat(nonCompete().state().source()).isEqualTo("agreement");
        assertThat(nonCompete().confirmable()).isFalse();

        as(leaver, () -> pledges.sign(id));

        StepView step = nonCompete();
        assertThat(step.state().status()).isEqualTo(StepState.Status.DONE);
        assertThat(step.state().note()).isEqualTo("pledge #" + id);
        assertThat(step.state().on()).isEqualTo(directory.today());
    }

    @Test
    void aRefusedNonCompeteIsRecordedAsRefused() {
        long id = askLeavingPledge(new NonCompeteClause(6, "競合他社への転職", null));
        as(leaver, () -> pledges.refuse(id, "競業避止には同意できない"));
        assertThat(nonCompete().state().status()).isEqualTo(StepState.Status.REFUSED);
    }

    @Test
    void aStepAnsweredByTheRegisterCannotBeConfirmedByHand() {
        askLeavingPledge(new NonCompeteClause(12, "競合他社での同種製品の設計業務", null));
        assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.NON_COMPETE, StepState.Status.NOT_APPLICABLE, null,
                    "不要", null);
            return null;
        })).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withoutANonCompeteClauseHrMarksTheStepNotNeeded() {
        askLeavingPledge(null);
        assertThat(nonCompete().state().status()).isEqualTo(StepState.Status.PENDING);
        assertThat(nonCompete().confirmable()).isTrue();

        as(hr, () -> {
            lifecycle.confirmStep(leaver.personId(), LeaverStep.NON_COMPETE, StepState.Status.NOT_APPLICABLE, null,
                    "営業秘密に触れない職務のため競業避止は不要", null);
            return null;
        });

        StepView step = nonCompete();
        assertThat(step.state().status()).isEqualTo(StepState.Status.NOT_APPLICABLE);
        assertThat(step.state().source()).startsWith("hand:");
    }
}
