package dev.mamori.platform.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.PersonDirectory;
import dev.mamori.platform.Role;

/**
 * Creating and changing accounts, their roles and passwords. Every change is recorded in the ledger.
 */
@Service
public class AccountManagement {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Ledger ledger;
    private final ApiTokens tokens;
    private final ObjectProvider<PersonDirectory> directory;
    private final Clock clock;

    AccountManagement(AccountRepository accounts, PasswordEncoder encoder, Ledger ledger, ApiTokens tokens,
                      ObjectProvider<PersonDirectory> directory, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.ledger = ledger;
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
    }

    public record AccountView(AccountRecord account, List<RoleGrant> roles, boolean locked) {
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    @Transactional
    public long create(String username, String password, String displayName, Long personId, List<RoleGrant> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw InvalidInputException.onField("username", "platform.account.usernameInvalid");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw ConflictException.onField("username", "platform.account.usernameTaken", username);
        }
        checkPassword(password);
        checkPerson(personId, null);
        checkRoles(roles);
        long id = accounts.insert(username, encoder.encode(password), displayName, personId, "ja");
        accounts.replaceRoles(id, roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("displayName", displayName);
        details.put("personId", personId);
        details.put("roles", describe(roles));
        ledger.record("platform.account.created", Subject.of("account", id), details);
        return id;
    }

    @Transactional
    public void update(long id, String displayName, Long personId, boolean enabled, List<RoleGrant> roles) {
        AccountRecord before = require(id);
        checkPerson(personId, id);
        checkRoles(roles);
        accounts.update(id, displayName, personId, enabled);
        List<RoleGrant> oldRoles = accounts.rolesOf(id);
        accounts.replaceRoles(id, roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", displayName);
        details.put("personId", personId);
        details.put("enabled", enabled);
        details.put("rolesBefore", describe(oldRoles));
        details.put("roles", describe(roles));
        ledger.record("platform.account.updated", Subject.of("account", id), details);
        if (before.enabled() && !enabled) {
            tokens.revokeAll(id);
        }
    }

    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword) {
        AccountRecord account = require(id);
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw InvalidInputException.onField("currentPassword", "platform.account.currentPasswordWrong");
        }
        checkPassword(newPassword);
        accounts.updatePassword(id, encoder.encode(newPassword));
        ledger.record("platform.account.passwordChanged", Subject.of("account", id), Map.of());
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        require(id);
        checkPassword(newPassword);
        accounts.updatePassword(id, encoder.encode(newPassword));
        ledger.record("platform.account.passwordReset", Subject.of("account", id), Map.of());
    }

    @Transactional
    public void unlock(long id) {
        require(id);
        accounts.unlock(id);
        ledger.record("platform.account.unlocked", Subject.of("account", id), Map.of());
    }

    @Transactional
    public void changeLocale(long id, Locale locale) {
        String tag = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "ja";
        accounts.updateLocale(id, tag);
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        Instant now = clock.instant();
        List<AccountView> result = new ArrayList<>();
        for (AccountRecord a : accounts.findAll()) {
            result.add(new AccountView(a, accounts.rolesOf(a.id()), a.lockedAt(now)));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        AccountRecord a = require(id);
        return new AccountView(a, accounts.rolesOf(id), a.lockedAt(clock.instant()));
    }

    private AccountRecord require(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("platform.account.notFound", id));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInputException.onField("password", "platform.account.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
    }

    private void checkPerson(Long personId, Long accountId) {
        if (personId == null) {
            return;
        }
        PersonDirectory people = directory.getIfAvailable();
        if (people != null && people.findPerson(personId).isEmpty()) {
            throw InvalidInputException.onField("personId", "platform.account.personUnknown", personId);
        }
        accounts.findByPersonId(personId).filter(other -> accountId == null || other.id() != accountId)
                .ifPresent(other -> {
                    throw ConflictException.onField("personId", "platform.account.personTaken", other.username());
                });
    }

    private void checkRoles(List<RoleGrant> roles) {
        for (RoleGrant grant : roles) {
            if (grant.role() == Role.MANAGER && grant.departmentId() == null) {
                throw InvalidInputException.onField("roles", "platform.account.managerNeedsDepartment");
            }
            if (grant.role() != Role.MANAGER && grant.departmentId() != null) {
                throw InvalidInputException.onField("roles", "platform.account.onlyManagerScoped");
            }
            PersonDirectory people = directory.getIfAvailable();
            if (grant.departmentId() != null && people != null && people.findDepartment(grant.departmentId()).isEmpty()) {
                throw InvalidInputException.onField("roles", "platform.account.departmentUnknown", grant.departmentId());
            }
        }
    }

    private static List<String> describe(List<RoleGrant> roles) {
        return roles.stream().map(r -> r.departmentId() == null ? r.role().name()
                : r.role().name() + ":" + r.departmentId()).toList();
    }
}
