package dev.mamori.platform.internal.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;

/**
 * The security principal of a signed-in account (by form login or by API token).
 */
public final class MamoriUserDetails implements UserDetails, CredentialsContainer {

    private final AccountRecord account;
    private final List<RoleGrant> roles;
    private String password;
    private volatile Locale locale;

    public MamoriUserDetails(AccountRecord account, List<RoleGrant> roles) {
        this.account = account;
        this.roles = List.copyOf(roles);
        this.password = account.passwordHash();
        this.locale = Locale.forLanguageTag(account.locale());
    }

    public CurrentUser toCurrentUser() {
        Set<Role> roleSet = roles.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
        Set<Long> managed = roles.stream().filter(r -> r.role() == Role.MANAGER).map(RoleGrant::departmentId)
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.personId(),
                roleSet, managed, locale);
    }

    public long accountId() {
        return account.id();
    }

    public Long personId() {
        return account.personId();
    }

    public String displayName() {
        return account.displayName();
    }

    public Locale locale() {
        return locale;
    }

    public void locale(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> r.role().authority()).distinct().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !account.lockedAt(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }
}
