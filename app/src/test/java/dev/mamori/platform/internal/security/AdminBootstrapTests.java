package dev.mamori.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The first start: {@code admin} with the configured (or a generated) password, and
 * {@code MAMORI_BOOTSTRAP_TOKEN} as an API token of {@code admin}. Runs the bootstrap's steps against
 * the shared database with settings of its own instead of starting another application context.
 */
@MamoriTest
class AdminBootstrapTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountManagement management;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MamoriProperties properties;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdAdminWithTheConfiguredPassword() {
        var admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches(properties.adminPassword(), admin.passwordHash())).isTrue();
        assertThat(admin.passwordHash()).startsWith("$argon2id$");
        assertThat(accounts.rolesOf(admin.id())).contains(new RoleGrant(Role.SYSTEM_ADMIN, null));
    }

    @Test
    void registersTheBootstrapTokenForAdminOnce() throws Exception {
        String secret = "bootstrap-" + System.nanoTime() + "-0123456789abcdefghijklmnop";
        AdminBootstrap bootstrap = bootstrap(properties.dataDir(), null, secret);
        assertThat(bootstrap.registerBootstrapToken()).isTrue();
        assertThat(bootstrap.registerBootstrapToken()).isFalse();
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"));
        mvc.perform(get("/api/v1/users").header("Authorization", TestUsers.bearer(secret)))
                .andExpect(status().isOk());
        long stored = jdbc.sql("select count(*) from platform.api_token t where t::text like ?")
                .param("%" + secret + "%").query(Long.class).single();
        assertThat(stored).isZero();
    }

    @Test
    void keepsARevokedBootstrapTokenRevokedOnRestart() throws Exception {
        String secret = "revoked-" + System.nanoTime() + "-0123456789abcdefghijklmnop";
        AdminBootstrap bootstrap = bootstrap(properties.dataDir(), null, secret);
        bootstrap.registerBootstrapToken();
        long admin = accounts.findByUsername("admin").orElseThrow().id();
        long id = tokens.listFor(admin).stream().filter(t -> secret.startsWith(t.prefix()))
                .filter(t -> t.revokedAt() == null).findFirst().orElseThrow().id();
        tokens.revoke(admin, id);
        assertThat(bootstrap.registerBootstrapToken()).isFalse();
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(secret)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void leavesExistingAccountsAlone() throws Exception {
        assertThat(bootstrap(properties.dataDir(), "another-password-123", null).ensureAdmin()).isFalse();
        assertThat(encoder.matches(properties.adminPassword(),
                accounts.findByUsername("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    @Transactional // rolled back: the accounts deleted here come back after the test
    void generatesAndWritesDownThePasswordOnAnEmptyDatabase(@TempDir Path dataDir) throws Exception {
        jdbc.sql("delete from platform.account").update();
        assertThat(bootstrap(dataDir, null, null).ensureAdmin()).isTrue();
        String written = Files.readString(dataDir.resolve("initial-admin-password"), StandardCharsets.UTF_8).strip();
        assertThat(written).hasSizeGreaterThanOrEqualTo(12);
        var admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches(written, admin.passwordHash())).isTrue();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("initial-admin-password")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private AdminBootstrap bootstrap(Path dataDir, String adminPassword, String bootstrapToken) {
        var settings = new MamoriProperties(dataDir, false, null, properties.db(), adminPassword, bootstrapToken,
                properties.security());
        return new AdminBootstrap(accounts, management, tokens, settings, clock);
    }
}
