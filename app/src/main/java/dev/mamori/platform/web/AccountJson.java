package dev.mamori.platform.web;

import java.time.Instant;
import java.util.List;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountView;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.GrantView;

/**
 * An account in the REST API. Deliberately without password or token hashes.
 *
 * @param employeeNumber the linked person's 社員番号, when the directory knows it
 */
record AccountJson(long id, String username, String displayName, Long personId, String employeeNumber,
                   String locale, boolean enabled, boolean locked, Instant lockedUntil, Instant lastLoginAt,
                   Instant createdAt, List<RoleJson> roles) {

    /** A role; for MANAGER with the department ({@code departmentCode} null when the directory cannot name it). */
    record RoleJson(Role role, Long departmentId, String departmentCode) {

        static RoleJson of(GrantView grant) {
            return new RoleJson(grant.role(), grant.departmentId(),
                    grant.department() == null ? null : grant.department().code());
        }
    }

    /** A personal API token; the secret itself only appears once, in {@link IssuedTokenJson}. */
    record TokenJson(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt, ApiTokens.Status status) {

        static TokenJson of(ApiTokens.TokenView token, Instant now) {
            return new TokenJson(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), token.revokedAt(), token.statusAt(now));
        }
    }

    /** A token just created: {@code token} is the secret to send as {@code Authorization: Bearer}; it is not shown again. */
    record IssuedTokenJson(long id, String name, String prefix, String token, Instant expiresAt) {

        static IssuedTokenJson of(ApiTokens.IssuedToken issued) {
            return new IssuedTokenJson(issued.id(), issued.name(), issued.prefix(), issued.secret(), issued.expiresAt());
        }
    }

    static AccountJson of(AccountView a) {
        return new AccountJson(a.id(), a.username(), a.displayName(), a.personId(), a.employeeNumber(), a.locale(),
                a.enabled(), a.locked(), a.lockedUntil(), a.lastLoginAt(), a.createdAt(),
                a.roles().stream().map(RoleJson::of).toList());
    }
}
