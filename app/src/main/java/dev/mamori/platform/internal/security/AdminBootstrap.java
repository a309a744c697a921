package dev.mamori.platform.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.Role;

/**
 * On the first start with an empty database, creates the system administrator {@code admin}:
 * with {@code MAMORI_ADMIN_PASSWORD}, or a generated password written once to
 * {@code <data dir>/initial-admin-password} and logged once. Makes {@code MAMORI_BOOTSTRAP_TOKEN}
 * an API token of {@code admin} when set.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";
    static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;

    private final AccountRepository accounts;
    private final AccountManagement management;
    private final ApiTokens tokens;
    private final MamoriProperties properties;
    private final Clock clock;

    AdminBootstrap(AccountRepository accounts, AccountManagement management, ApiTokens tokens,
                   MamoriProperties properties, Clock clock) {
        this.accounts = accounts;
        this.management = management;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        ensureAdmin();
        registerBootstrapToken();
    }

    /** Creates {@code admin} when there is no account at all; returns whether it did. */
    boolean ensureAdmin() throws IOException {
        if (accounts.count() > 0) {
            return false;
        }
        boolean given = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = given ? properties.adminPassword() : AccountManagement.generatePassword();
        management.create(ADMIN, password, "システム管理者", null, List.of(new RoleGrant(Role.SYSTEM_ADMIN, null)));
        if (!given) {
            Path file = properties.dataDir().resolve("initial-admin-password");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Created the system administrator 'admin' with the generated password {} "
                    + "(also written to {}). Change it after the first login.", password, file.toAbsolutePath());
        } else {
            log.info("Created the system administrator 'admin' with the password from MAMORI_ADMIN_PASSWORD.");
        }
        return true;
    }

    /**
     * Registers {@code MAMORI_BOOTSTRAP_TOKEN} as an API token of {@code admin} unless a token with that
     * secret was registered before (also when it was revoked since: a revocation stays in force).
     * Returns whether it registered the token now.
     */
    boolean registerBootstrapToken() {
        String token = properties.bootstrapToken();
        if (token == null || token.isBlank() || tokens.existsWithSecret(token.strip())) {
            return false;
        }
        String secret = token.strip();
        if (secret.length() < MIN_BOOTSTRAP_TOKEN_LENGTH) {
            log.warn("MAMORI_BOOTSTRAP_TOKEN has only {} characters; use at least {} random characters.",
                    secret.length(), MIN_BOOTSTRAP_TOKEN_LENGTH);
        }
        return accounts.findByUsername(ADMIN).map(admin -> {
            tokens.issueWithSecret(admin.id(), "bootstrap (MAMORI_BOOTSTRAP_TOKEN)", secret,
                    clock.instant().plus(Duration.ofDays(3650)));
            log.info("Registered MAMORI_BOOTSTRAP_TOKEN as an API token of 'admin'.");
            return true;
        }).orElseGet(() -> {
            log.warn("MAMORI_BOOTSTRAP_TOKEN is set but there is no account 'admin'; the token was not registered.");
            return false;
        });
    }
}
