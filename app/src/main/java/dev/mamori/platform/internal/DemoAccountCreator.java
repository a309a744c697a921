package dev.mamori.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mamori.platform.DemoAccounts;
import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * Creates the demo accounts through {@link AccountManagement} (so they are in the ledger) with one shared
 * password, and tells the operator their usernames and that password once, after loading.
 */
@Component
class DemoAccountCreator implements DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountCreator.class);

    private final AccountManagement management;
    private final AccountRepository accounts;
    private final MamoriProperties properties;
    private final List<String> created = new ArrayList<>();
    private String password;
    private boolean generated;

    DemoAccountCreator(AccountManagement management, AccountRepository accounts, MamoriProperties properties) {
        this.management = management;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public synchronized void create(String username, String displayName, long personId, Set<Role> roles,
                                    Set<Long> managedDepartmentIds) {
        if (accounts.findByUsername(username).isPresent()) {
            log.info("Demo account '{}' exists already; left as it is.", username);
            return;
        }
        List<RoleGrant> grants = new ArrayList<>();
        roles.stream().filter(r -> r != Role.MANAGER).sorted(Comparator.naturalOrder())
                .forEach(r -> grants.add(new RoleGrant(r, null)));
        if (roles.contains(Role.MANAGER)) {
            managedDepartmentIds.stream().sorted().forEach(d -> grants.add(new RoleGrant(Role.MANAGER, d)));
        }
        management.create(username, password(), displayName, personId, grants);
        created.add(username);
    }

    /** Logs the accounts created since the last call, with the password when it was generated. */
    synchronized void reportCreated() {
        if (created.isEmpty()) {
            return;
        }
        if (generated) {
            log.warn("Created the demo accounts {} with the generated password {} "
                    + "(set MAMORI_DEMO_PASSWORD to choose it).", created, password);
        } else {
            log.info("Created the demo accounts {} with the password from MAMORI_DEMO_PASSWORD.", created);
        }
        created.clear();
    }

    private String password() {
        if (password == null) {
            String given = properties.demoPassword();
            if (given != null && !given.isBlank()) {
                if (given.length() < AccountManagement.MIN_PASSWORD_LENGTH) {
                    throw new IllegalStateException("MAMORI_DEMO_PASSWORD must have at least "
                            + AccountManagement.MIN_PASSWORD_LENGTH + " characters");
                }
                password = given;
            } else {
                password = AccountManagement.generatePassword();
                generated = true;
            }
        }
        return password;
    }
}
