package dev.mamori.platform.internal.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;

/**
 * The security principal of a signed-in account (by form login or by API token). It keeps no password
 * hash beyond the login itself: the hash is only held until Spring Security erases credentials.
 */
public final class MamoriUserDetails implements UserDetails, CredentialsContainer {

    private final AccountRecord account;
    private final List<RoleGrant> roles;
    private final Set<Role> roleSet;
    private final Set<Long> managed;
    private final List<GrantedAuthority> authorities;
    private final boolean locked;
    private String password;
    private volatile Locale locale;

    /** The principal as of {@code now} (whether the account is locked depends on the time). */
    public MamoriUserDetails(AccountRecord account, List<RoleGrant> roles, Instant now) {
        this.account = account.withoutPasswordHash();
        this.roles = List.copyOf(roles);
        this.roleSet = this.roles.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
        this.managed = this.roles.stream().filter(r -> r.role() == Role.MANAGER).map(RoleGrant::departmentId)
                .collect(Collectors.toUnmodifiableSet());
        this.authorities = this.roles.stream().map(r -> r.role().authority()).distinct()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        this.locked = account.lockedAt(now);
        this.password = account.passwordHash();
        this.locale = Locale.forLanguageTag(account.locale());
    }

    /** The principal as of the system time; for tests and tools. */
    public MamoriUserDetails(AccountRecord account, List<RoleGrant> roles) {
        this(account, roles, Instant.now());
    }

    public CurrentUser toCurrentUser() {
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

    public List<RoleGrant> roles() {
        return roles;
    }

    public Locale locale() {
        return locale;
    }

    public void locale(Locale locale) {
        this.locale = locale;
    }

    /** Whether this principal still describes the stored account (name, person, language, roles). */
    boolean sameAs(AccountRecord stored, List<RoleGrant> storedRoles) {
        return stored.id() == account.id()
                && stored.enabled()
                && Objects.equals(stored.displayName(), account.displayName())
                && Objects.equals(stored.personId(), account.personId())
                && Objects.equals(Locale.forLanguageTag(stored.locale()), locale)
                && Set.copyOf(storedRoles).equals(Set.copyOf(roles));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
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
        return !locked;
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
