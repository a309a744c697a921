package dev.mamori.platform.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.PersonDirectory;
import dev.mamori.platform.PersonDirectory.PersonRef;
import dev.mamori.platform.Role;

/**
 * Creating and changing accounts, their roles and passwords. Every change is recorded in the ledger.
 * People and departments are found through the {@link PersonDirectory} SPI, which may be absent
 * (before the directory module is installed): then accounts cannot be linked or scoped anew,
 * and existing links are kept as they are.
 */
@Service
public class AccountManagement {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Ledger ledger;
    private final ApiTokens tokens;
    private final ObjectProvider<PersonDirectory> directory;
    private final Clock clock;
    private final CurrentUsers users;

    AccountManagement(AccountRepository accounts, PasswordEncoder encoder, Ledger ledger, ApiTokens tokens,
                      ObjectProvider<PersonDirectory> directory, Clock clock, CurrentUsers users) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.ledger = ledger;
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.users = users;
    }

    /**
     * A new account as an administrator enters it.
     *
     * @param password        the initial password; blank to generate one
     * @param employeeNumber  社員番号 of the person to link; blank for none
     * @param departmentCodes codes of the departments a MANAGER is responsible for
     */
    public record NewAccount(String username, String displayName, String password, String employeeNumber,
                             Set<Role> roles, List<String> departmentCodes) {
    }

    /** @param generatedPassword the generated initial password, to show once; null when one was given */
    public record Created(long id, String generatedPassword) {
    }

    /**
     * Changes an administrator makes to an account.
     *
     * @param enabled null leaves it as it is
     */
    public record AccountChanges(String displayName, String employeeNumber, Set<Role> roles,
                                 List<String> departmentCodes, Boolean enabled) {
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether the directory module is there to link people and departments. */
    public boolean directoryAvailable() {
        return directory.getIfAvailable() != null;
    }

    @Transactional
    public long create(String username, String password, String displayName, Long personId, List<RoleGrant> roles) {
        checkUsername(username);
        String name = checkDisplayName(displayName);
        checkPassword("password", password);
        checkPerson(personId, null);
        checkRoles(roles, List.of());
        long id = accounts.insert(username, encoder.encode(password), name, personId, "ja");
        accounts.replaceRoles(id, roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("displayName", name);
        details.put("personId", personId);
        details.put("roles", describe(roles));
        ledger.record("platform.account.created", Subject.of("account", id), details);
        return id;
    }

    /** Creates an account from what an administrator entered, resolving the person and departments. */
    @Transactional
    public Created create(NewAccount account) {
        String username = account.username() == null ? null : account.username().strip();
        checkUsername(username);
        checkDisplayName(account.displayName());
        boolean generate = account.password() == null || account.password().isBlank();
        String password = generate ? generatePassword() : account.password();
        checkPassword("password", password);
        Long personId = blank(account.employeeNumber()) ? null : personIdFor(account.employeeNumber());
        List<RoleGrant> grants = grantsFor(account.roles(), account.departmentCodes(), List.of());
        long id = create(username, password, account.displayName(), personId, grants);
        return new Created(id, generate ? password : null);
    }

    @Transactional
    public void update(long id, String displayName, Long personId, boolean enabled, List<RoleGrant> roles) {
        AccountRecord before = require(id);
        String name = checkDisplayName(displayName);
        if (!Objects.equals(before.personId(), personId)) {
            checkPerson(personId, id);
        }
        List<RoleGrant> oldRoles = accounts.rolesOf(id);
        checkRoles(roles, oldRoles);
        boolean stillAdmin = enabled && roles.stream().anyMatch(r -> r.role() == Role.SYSTEM_ADMIN);
        boolean wasAdmin = before.enabled() && oldRoles.stream().anyMatch(r -> r.role() == Role.SYSTEM_ADMIN);
        if (wasAdmin && !stillAdmin && accounts.countOtherEnabledAdmins(id) == 0) {
            throw ConflictException.onField("roles", "platform.account.lastAdmin");
        }
        if (before.enabled() && !enabled) {
            refuseSelf(id);
        }
        accounts.update(id, name, personId, enabled);
        accounts.replaceRoles(id, roles);
        if (!Objects.equals(before.displayName(), name) || !Objects.equals(before.personId(), personId)
                || !Set.copyOf(oldRoles).equals(Set.copyOf(roles))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("displayNameBefore", before.displayName());
            details.put("displayName", name);
            details.put("personIdBefore", before.personId());
            details.put("personId", personId);
            details.put("rolesBefore", describe(oldRoles));
            details.put("roles", describe(roles));
            ledger.record("platform.account.updated", Subject.of("account", id), details);
        }
        if (before.enabled() != enabled) {
            ledger.record(enabled ? "platform.account.enabled" : "platform.account.disabled",
                    Subject.of("account", id), Map.of("username", before.username()));
        }
        if (before.enabled() && !enabled) {
            tokens.revokeAll(id);
        }
    }

    /** Applies an administrator's changes, resolving the person and departments through the directory. */
    @Transactional
    public void update(long id, AccountChanges changes) {
        AccountRecord before = require(id);
        List<RoleGrant> oldRoles = accounts.rolesOf(id);
        Long personId;
        if (blank(changes.employeeNumber())) {
            // without a directory the form cannot show the link, so a blank field keeps it
            personId = directoryAvailable() ? null : before.personId();
        } else {
            personId = personIdFor(changes.employeeNumber());
        }
        List<RoleGrant> grants = grantsFor(changes.roles(), changes.departmentCodes(), oldRoles);
        boolean enabled = changes.enabled() == null ? before.enabled() : changes.enabled();
        update(id, changes.displayName(), personId, enabled, grants);
    }

    /** Enables or disables an account; disabling revokes its API tokens and ends its sessions. */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        AccountRecord before = require(id);
        update(id, before.displayName(), before.personId(), enabled, accounts.rolesOf(id));
    }

    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword) {
        AccountRecord account = require(id);
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw InvalidInputException.onField("currentPassword", "platform.account.currentPasswordWrong");
        }
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw InvalidInputException.onField("newPassword", "platform.account.passwordUnchanged");
        }
        accounts.updatePassword(id, encoder.encode(newPassword));
        ledger.record("platform.account.passwordChanged", Subject.of("account", id), Map.of());
    }

    /**
     * Sets a new password chosen by an administrator (also ends a lock).
     *
     * @param newPassword the new password; blank to generate one
     * @return the generated password to show once, or null when one was given
     */
    @Transactional
    public String resetPassword(long id, String newPassword) {
        require(id);
        boolean generate = newPassword == null || newPassword.isBlank();
        String password = generate ? generatePassword() : newPassword;
        checkPassword("password", password);
        accounts.updatePassword(id, encoder.encode(password));
        ledger.record("platform.account.passwordReset", Subject.of("account", id), Map.of("generated", generate));
        return generate ? password : null;
    }

    @Transactional
    public void unlock(long id) {
        AccountRecord account = require(id);
        accounts.unlock(id);
        ledger.record("platform.account.unlocked", Subject.of("account", id),
                Map.of("username", account.username(), "wasLocked", account.lockedAt(clock.instant())));
    }

    @Transactional
    public void changeLocale(long id, Locale locale) {
        String tag = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "ja";
        accounts.updateLocale(id, tag);
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return list(null);
    }

    /** Accounts whose user name or display name contains {@code filter} (all when blank), by user name. */
    @Transactional(readOnly = true)
    public List<AccountView> list(String filter) {
        Instant now = clock.instant();
        String needle = blank(filter) ? null : filter.strip().toLowerCase(Locale.ROOT);
        Map<Long, List<RoleGrant>> roles = accounts.allRoles();
        PersonDirectory people = directory.getIfAvailable();
        List<AccountView> result = new ArrayList<>();
        for (AccountRecord a : accounts.findAll()) {
            if (needle == null || a.username().toLowerCase(Locale.ROOT).contains(needle)
                    || a.displayName().toLowerCase(Locale.ROOT).contains(needle)) {
                result.add(view(a, roles.getOrDefault(a.id(), List.of()), people, now));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        return view(require(id), accounts.rolesOf(id), directory.getIfAvailable(), clock.instant());
    }

    private static AccountView view(AccountRecord a, List<RoleGrant> roles, PersonDirectory people, Instant now) {
        PersonRef person = a.personId() == null || people == null ? null : people.findPerson(a.personId()).orElse(null);
        List<GrantView> grants = roles.stream().map(r -> new GrantView(r.role(), r.departmentId(),
                r.departmentId() == null || people == null ? null
                        : people.findDepartment(r.departmentId()).orElse(null))).toList();
        return new AccountView(a.id(), a.username(), a.displayName(), a.personId(), person, a.locale(), a.enabled(),
                a.lockedAt(now), a.lockedUntil(), a.lastLoginAt(), a.createdAt(), grants);
    }

    private AccountRecord require(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("platform.account.notFound", id));
    }

    private void refuseSelf(long id) {
        users.current().filter(u -> u.accountId() == id).ifPresent(u -> {
            throw ConflictException.onField("enabled", "platform.account.cannotDisableSelf");
        });
    }

    private Long personIdFor(String employeeNumber) {
        PersonDirectory people = directory.getIfAvailable();
        if (people == null) {
            throw InvalidInputException.onField("employeeNumber", "platform.account.directoryUnavailable");
        }
        String number = employeeNumber.strip();
        return people.findPersonByEmployeeNumber(number).map(PersonRef::id)
                .orElseThrow(() -> InvalidInputException.onField("employeeNumber",
                        "platform.account.employeeNumberUnknown", number));
    }

    /**
     * Grants for the chosen roles; MANAGER once per department code. {@code #<id>} stands for a department
     * the account already manages but the directory cannot name (closed since, or no directory yet).
     */
    private List<RoleGrant> grantsFor(Set<Role> roles, List<String> departmentCodes, List<RoleGrant> existing) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.onField("roles", "platform.account.rolesRequired");
        }
        List<String> codes = departmentCodes == null ? List.of() : departmentCodes.stream()
                .filter(Objects::nonNull).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        List<RoleGrant> grants = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roles.contains(role) && !role.scopedToDepartments()) {
                grants.add(new RoleGrant(role, null));
            }
        }
        if (!roles.contains(Role.MANAGER)) {
            if (!codes.isEmpty()) {
                throw InvalidInputException.onField("departmentCodes", "platform.account.onlyManagerScoped");
            }
            return grants;
        }
        if (codes.isEmpty()) {
            throw InvalidInputException.onField("departmentCodes", "platform.account.managerNeedsDepartment");
        }
        PersonDirectory people = directory.getIfAvailable();
        for (String code : codes) {
            RoleGrant grant;
            if (code.matches("#\\d{1,18}")) {
                grant = new RoleGrant(Role.MANAGER, Long.parseLong(code.substring(1)));
                if (!existing.contains(grant)) {
                    throw InvalidInputException.onField("departmentCodes", "platform.account.departmentCodeUnknown", code);
                }
            } else if (people == null) {
                throw InvalidInputException.onField("departmentCodes", "platform.account.directoryUnavailable");
            } else {
                grant = new RoleGrant(Role.MANAGER, people.findDepartmentByCode(code)
                        .orElseThrow(() -> InvalidInputException.onField("departmentCodes",
                                "platform.account.departmentCodeUnknown", code))
                        .id());
            }
            if (!grants.contains(grant)) {
                grants.add(grant);
            }
        }
        return grants;
    }

    private void checkUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw InvalidInputException.onField("username", "platform.account.usernameInvalid");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw ConflictException.onField("username", "platform.account.usernameTaken", username);
        }
    }

    private static String checkDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw InvalidInputException.onField("displayName", "platform.account.displayNameInvalid",
                    MAX_DISPLAY_NAME_LENGTH);
        }
        return name;
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInputException.onField(field, "platform.account.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw InvalidInputException.onField(field, "platform.account.passwordTooLong", MAX_PASSWORD_LENGTH);
        }
    }

    private void checkPerson(Long personId, Long accountId) {
        if (personId == null) {
            return;
        }
        PersonDirectory people = directory.getIfAvailable();
        if (people != null && people.findPerson(personId).isEmpty()) {
            throw InvalidInputException.onField("employeeNumber", "platform.account.personUnknown", personId);
        }
        accounts.findByPersonId(personId).filter(other -> accountId == null || other.id() != accountId)
                .ifPresent(other -> {
                    throw ConflictException.onField("employeeNumber", "platform.account.personTaken", other.username());
                });
    }

    /** Checks the grants; departments already held are not looked up again (they may have been closed since). */
    private void checkRoles(List<RoleGrant> roles, List<RoleGrant> held) {
        PersonDirectory people = directory.getIfAvailable();
        for (RoleGrant grant : roles) {
            if (held.contains(grant)) {
                continue;
            }
            if (grant.role() == Role.MANAGER && grant.departmentId() == null) {
                throw InvalidInputException.onField("departmentCodes", "platform.account.managerNeedsDepartment");
            }
            if (grant.role() != Role.MANAGER && grant.departmentId() != null) {
                throw InvalidInputException.onField("departmentCodes", "platform.account.onlyManagerScoped");
            }
            if (grant.departmentId() != null && people != null && people.findDepartment(grant.departmentId()).isEmpty()) {
                throw InvalidInputException.onField("departmentCodes", "platform.account.departmentUnknown",
                        grant.departmentId());
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> describe(List<RoleGrant> roles) {
        return roles.stream().map(r -> r.departmentId() == null ? r.role().name()
                : r.role().name() + ":" + r.departmentId()).toList();
    }
}
