package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.lifecycle.LeaverChecklist;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StepState;
import dev.mamori.lifecycle.StepView;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The leaver checklist's access steps read the access module's real state: restricted once the leave-notice
 * restriction is applied (the 極秘 grant ended, the other flagged), ended once no grant is live and the
 * person's API tokens are revoked; a step answered by access cannot be confirmed by hand.
 */
@MamoriTest
class AccessLeaverStepsTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired Lifecycle lifecycle;
    @Autowired ApiTokens tokens;

    @Test
    void theAccessStepsFollowTheGrantsAndTokensOfTheLeaver() {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails leaver = w.outsider();
        long person = leaver.personId();
        as(w.manager, () -> access.grant(new GrantDraft(w.topSecret, AccessHolder.person(person), AccessLevel.VIEW, "試作", null, null)));
        as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(person), AccessLevel.VIEW, "試作", null, null)));
        tokens.issue(leaver.accountId(), "file server", Instant.now().plus(1, ChronoUnit.DAYS));
        MamoriUserDetails hr = users.create(Role.HR);
        LocalDate today = LocalDate.now(Directory.JAPAN);
        lifecycle.leaveNotified(person, today, today.plusDays(10));

        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).status()).isEqualTo(StepState.Status.PENDING);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).source()).isEqualTo("access");
        assertThat(step(hr, person, LeaverStep.ACCESS_ENDED).status()).isEqualTo(StepState.Status.PENDING);

        access.applyLeaveNotice(person);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).status()).isEqualTo(StepState.Status.DONE);
        assertThat(step(hr, person, LeaverStep.ACCESS_RESTRICTED).on()).isEqualTo(today);
        // one grant is still live (flagged) and a token is active: access has not ended yet
        assertThat(step(hr, person, LeaverStep.ACCESS_ENDED).status()).isEqualTo(StepState.Status.PENDING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(hr, () -> {
            lifecycle.confirmStep(person, LeaverStep.ACCESS_ENDED, StepState.Status.DONE, null, "確認", dev.mamori.lifecycle.Upload.none());
            return null;
        })).isInstanceOf(dev.mamori.platform.InvalidInputException.class);

        access.applyLeft(person);
        StepState ended = step(hr, person, LeaverStep.ACCESS_ENDED);
        assertThat(ended.status()).isEqualTo(StepState.Status.DONE);
        assertThat(ended.source()).isEqualTo("access");
    }

    private StepState step(MamoriUserDetails hr, long person, LeaverStep step) {
        LeaverChecklist c = as(hr, () -> lifecycle.checklist(person));
        return c.steps().stream().filter(s -> s.step() == step).map(StepView::state).findFirst().orElseThrow();
    }
}
