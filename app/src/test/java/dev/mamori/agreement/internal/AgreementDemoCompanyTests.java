package dev.mamori.agreement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;
import dev.mamori.platform.Role;
import dev.mamori.support.TestUsers;

/**
 * The demo company (its own database, shared with the other demo tests) has joining pledges signed, pending
 * and refused, leaving pledges for the leavers (one signed with a non-compete clause, one refused, the rest pending), and a training about two thirds completed.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class AgreementDemoCompanyTests {

    @Autowired PledgeService pledges;
    @Autowired Training training;
    @Autowired TestUsers users;

    @BeforeEach
    void signInAsHr() {
        var hr = users.create(Role.HR);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoCompanyHasSignedPendingAndRefusedPledgesAndSomeTrainingCompleted() {
        List<RegisterRow> rows = pledges.register(null, null, false);
        List<PledgeState> joining = rows.stream().map(r -> r.status(PledgeKind.JOINING).state()).toList();
        assertThat(joining).contains(PledgeState.SIGNED, PledgeState.PENDING, PledgeState.REFUSED);
        assertThat(joining.stream().filter(s -> s == PledgeState.SIGNED).count())
                .isGreaterThan(joining.stream().filter(s -> s == PledgeState.PENDING).count());
        assertThat(rows).anyMatch(r -> r.status(PledgeKind.LEAVING).state() == PledgeState.PENDING);
        assertThat(rows).anyMatch(r -> r.status(PledgeKind.LEAVING).state() == PledgeState.SIGNED);
        assertThat(rows).anyMatch(r -> r.status(PledgeKind.LEAVING).state() == PledgeState.REFUSED);
        assertThat(rows).anyMatch(RegisterRow::lasting);
        int[] totals = training.totals();
        assertThat(totals[1]).isPositive().isLessThan(totals[0]);
    }
}
