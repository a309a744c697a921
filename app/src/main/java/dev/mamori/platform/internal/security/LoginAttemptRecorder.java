package dev.mamori.platform.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.MamoriProperties;

/**
 * Counts failed logins, locks accounts by the {@link LockoutPolicy}, and records every failure,
 * refusal of a locked or disabled account, lock and successful form login in the ledger.
 * Attempts on a locked or disabled account do not count as failures (Spring Security refuses them
 * before the password is checked), so a lock is not prolonged by further guessing.
 */
@Component
class LoginAttemptRecorder {

    private final AccountRepository accounts;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final LockoutPolicy policy;
    private final Clock clock;

    LoginAttemptRecorder(AccountRepository accounts, Ledger ledger, TransactionTemplate tx,
                         MamoriProperties properties, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.policy = LockoutPolicy.of(properties.security());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getPrincipal() == null) {
            return;
        }
        String username = event.getAuthentication().getName();
        String refusal = event instanceof AuthenticationFailureLockedEvent ? "platform.login.refusedLocked"
                : event instanceof AuthenticationFailureDisabledEvent ? "platform.login.refusedDisabled" : null;
        tx.executeWithoutResult(status -> {
            var account = accounts.findByUsername(username);
            Subject subject = account.map(a -> Subject.of("account", a.id())).orElse(Subject.of("login", username));
            if (refusal != null) {
                ledger.record(Actor.anonymous(username), AuditRecord.of(refusal, subject, Map.of("username", username)));
                return;
            }
            ledger.record(Actor.anonymous(username), AuditRecord.of("platform.login.failed", subject,
                    Map.of("username", username, "reason", event.getException().getClass().getSimpleName())));
            account.ifPresent(a -> {
                int failures = accounts.incrementFailedLogins(a.id());
                Instant now = clock.instant();
                policy.lockAfter(failures, now).ifPresent(until -> {
                    accounts.lockUntil(a.id(), until);
                    ledger.record(Actor.system(), AuditRecord.of("platform.account.locked", subject,
                            Map.of("username", a.username(), "failures", failures, "lockedUntil", until.toString())));
                });
            });
        });
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MamoriUserDetails user
                && !(event.getAuthentication() instanceof ApiTokenAuthentication)) {
            tx.executeWithoutResult(status -> {
                accounts.recordSuccessfulLogin(user.accountId());
                ledger.record(new Actor(Actor.Kind.USER, user.accountId(), user.getUsername(), user.personId()),
                        AuditRecord.of("platform.login.succeeded", Subject.of("account", user.accountId()), Map.of()));
            });
        }
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        // recorded once through AuthenticationSuccessEvent
    }
}
