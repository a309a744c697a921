package dev.mamori.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The lockout rule on its own, with explicit times instead of waiting.
 */
class LockoutPolicyTests {

    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));

    @Test
    void doesNotLockBelowTheThreshold() {
        assertThat(policy.lockAfter(1, NOW)).isEmpty();
        assertThat(policy.lockAfter(2, NOW)).isEmpty();
    }

    @Test
    void locksForTheConfiguredDurationAtTheThreshold() {
        assertThat(policy.lockAfter(3, NOW)).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(policy.lockAfter(4, NOW)).contains(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void lockHoldsUntilItsEndAndNoLonger() {
        Instant until = policy.lockAfter(3, NOW).orElseThrow();
        assertThat(LockoutPolicy.locked(until, NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(LockoutPolicy.locked(until, until)).isFalse();
        assertThat(LockoutPolicy.locked(until, NOW.plus(Duration.ofMinutes(16)))).isFalse();
        assertThat(LockoutPolicy.locked(null, NOW)).isFalse();
    }

    @Test
    void accountRecordAndPrincipalJudgeTheLockByTheGivenTime() {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        var account = new AccountRecord(1, "tanaka", "$argon2id$x", "田中", null, "ja", true, 0, until, null, NOW);
        assertThat(account.lockedAt(NOW)).isTrue();
        assertThat(account.lockedAt(until.plusSeconds(1))).isFalse();
        assertThat(new MamoriUserDetails(account, java.util.List.of(), NOW).isAccountNonLocked()).isFalse();
        assertThat(new MamoriUserDetails(account, java.util.List.of(), until.plusSeconds(1)).isAccountNonLocked()).isTrue();
    }

    @Test
    void principalKeepsNoPasswordHashAfterLogin() {
        var account = new AccountRecord(1, "tanaka", "$argon2id$x", "田中", null, "ja", true, 0, null, null, NOW);
        var principal = new MamoriUserDetails(account, java.util.List.of(), NOW);
        assertThat(principal.getPassword()).isEqualTo("$argon2id$x");
        principal.eraseCredentials();
        assertThat(principal.getPassword()).isNull();
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
