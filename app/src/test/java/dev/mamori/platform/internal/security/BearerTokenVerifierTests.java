package dev.mamori.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.mamori.platform.Role;

/**
 * A verified token's principal is built once, with the verification, and shared by the requests that meet it —
 * without the account's password hash, and never one that still says "locked" after the lock has ended.
 */
class BearerTokenVerifierTests {

    static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

    static VerifiedTokens.Verified verified(Instant lockedUntil) {
        AccountRecord account = new AccountRecord(1, "integration", "{bcrypt}hash", "連携", 42L, "ja", true, 0,
                lockedUntil, null, T0);
        return new VerifiedTokens.Verified(7, T0.plus(1, ChronoUnit.DAYS), account,
                List.of(new RoleGrant(Role.IT_SECURITY, null), new RoleGrant(Role.MANAGER, 3L)), 0, T0);
    }

    @Test
    void requestsShareThePrincipalBuiltWithTheVerificationWhichHoldsNoPasswordHash() {
        VerifiedTokens.Verified v = verified(null);
        Authentication first = BearerTokenVerifier.accepted(v, T0.plusSeconds(1)).orElseThrow();
        Authentication second = BearerTokenVerifier.accepted(v, T0.plusSeconds(2)).orElseThrow();
        assertThat(first).isNotSameAs(second);
        assertThat(first.getPrincipal()).isSameAs(second.getPrincipal()).isSameAs(v.principal());
        MamoriUserDetails principal = (MamoriUserDetails) first.getPrincipal();
        assertThat(principal.getPassword()).isNull();
        assertThat(v.account().passwordHash()).isNull();
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(Role.IT_SECURITY.authority(), Role.MANAGER.authority());
        assertThat(principal.toCurrentUser().roles()).containsExactlyInAnyOrder(Role.IT_SECURITY, Role.MANAGER);
        assertThat(principal.toCurrentUser().managedDepartmentIds()).containsExactly(3L);
    }

    @Test
    void aLockedAccountIsRefusedAndOnceTheLockHasEndedGetsAPrincipalThatIsNotLocked() {
        VerifiedTokens.Verified v = verified(T0.plus(15, ChronoUnit.MINUTES));
        assertThat(v.principal().isAccountNonLocked()).as("built while locked").isFalse();
        assertThat(BearerTokenVerifier.accepted(v, T0.plus(5, ChronoUnit.MINUTES))).isEmpty();
        Authentication after = BearerTokenVerifier.accepted(v, T0.plus(20, ChronoUnit.MINUTES)).orElseThrow();
        assertThat(((MamoriUserDetails) after.getPrincipal()).isAccountNonLocked()).isTrue();
        assertThat(after.getPrincipal()).isNotSameAs(v.principal());
    }

    @Test
    void aDisabledAccountIsRefused() {
        AccountRecord disabled = new AccountRecord(1, "integration", null, "連携", null, "ja", false, 0, null, null, T0);
        VerifiedTokens.Verified v = new VerifiedTokens.Verified(7, T0.plus(1, ChronoUnit.DAYS), disabled, List.of(),
                0, T0);
        assertThat(BearerTokenVerifier.accepted(v, T0.plusSeconds(1))).isEmpty();
    }
}
