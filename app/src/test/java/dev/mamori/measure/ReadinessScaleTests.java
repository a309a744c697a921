package dev.mamori.measure;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.support.TestUsers;

/**
 * How long the first page of the readiness of every secret takes with 2,000 designated secrets (its own
 * database; run with {@code -Dmamori.scale=true}). Logs the time; asserts nothing about it.
 */
@SpringBootTest(properties = "mamori.db.embedded-database=readiness_scale")
@Import(TestUsers.class)
@EnabledIfSystemProperty(named = "mamori.scale", matches = "true")
class ReadinessScaleTests {

    private static final Logger log = LoggerFactory.getLogger(ReadinessScaleTests.class);

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired SecretReadiness readiness;

    @Test
    void logsTheTimeOfTheFirstPageWithTwoThousandSecrets() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        var manager = reg.manager(dept);
        for (int i = 0; i < 20; i++) {
            reg.person(dept);
        }
        long seedStart = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            long id = reg.asset(manager, dept, "秘密" + i);
            reg.designate(manager, id, i % 5 == 0 ? "TOP_SECRET" : "CONFIDENTIAL",
                    i % 2 == 0 ? AccessHolder.department(dept) : AccessHolder.person(manager.personId()));
        }
        log.info("seeded 2000 designated secrets in {} ms", (System.nanoTime() - seedStart) / 1_000_000);
        var chief = users.create(Role.CHIEF_OFFICER);
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            ReadinessPage page = as(chief, () -> readiness.page(ReadinessQuery.all(), 0, 50));
            log.info("readiness page 1 of all ({} secrets) took {} ms", page.total(), (System.nanoTime() - start) / 1_000_000);
            assertThat(page.total()).isGreaterThanOrEqualTo(2000);
        }
        long start = System.nanoTime();
        int n = as(chief, () -> readiness.page(ReadinessQuery.all(), 0, 50).items().stream()
                .mapToInt(r -> readiness.readiness(r.assetId()).overall()).sum());
        log.info("the same 50 secrets one by one took {} ms ({})", (System.nanoTime() - start) / 1_000_000, n);
    }
}
