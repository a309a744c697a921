package dev.mamori.measure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.inventory.AssetDesignation;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.Indicator;
import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessQuery;
import dev.mamori.support.LedgerStill;
import dev.mamori.measure.SecretReadiness;
import dev.mamori.platform.Role;
import dev.mamori.support.TestUsers;

/**
 * The demo company (its own database, shared with the other demo tests) has secrets at visibly different
 * trade-secret readiness: a well prepared one above a middling one above a weak one, with the publicity checks
 * recorded in the ledger.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class ReadinessDemoCompanyTests {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDemoCompanyTests.class);

    @Autowired SecretReadiness readiness;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;

    @BeforeEach
    void signInAsChiefOfficer() {
        var chief = users.create(Role.CHIEF_OFFICER);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(chief, null, chief.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoSecretsStandAtWellPreparedMiddlingAndWeakReadiness() {
        List<AssetDesignation> designations = new ArrayList<>();
        inventory.forEachDesignation(500, designations::addAll);
        ReadinessDemoData.Chosen chosen = ReadinessDemoData.choose(designations);
        assertThat(chosen).isNotNull();
        // the three secrets and the whole list read while the ledger stood still (a background checkpoint between
        // the reads changes the trail indicator, legitimately)
        record Reads(Readiness good, Readiness middling, Readiness weak, List<Readiness> all) {
        }
        Reads reads = LedgerStill.read(ledger, () -> new Reads(readiness.readiness(chosen.wellPrepared()),
                readiness.readiness(chosen.middling()), readiness.readiness(chosen.weak()),
                readiness.page(new ReadinessQuery(null, null, ReadinessQuery.Order.STRONGEST_FIRST), 0, 200).items()));
        Readiness good = reads.good();
        Readiness middling = reads.middling();
        Readiness weak = reads.weak();
        List<Readiness> all = reads.all();
        for (Readiness r : List.of(good, middling, weak)) {
            log.info("demo readiness {} {}: overall {} {} {}", r.assetId(), r.name(), r.overall(), r.requirements(),
                    r.indicators().stream().map(i -> i.indicator() + "=" + i.score()).toList());
        }
        assertThat(good.overall()).isGreaterThan(middling.overall());
        assertThat(middling.overall()).isGreaterThan(weak.overall());
        assertThat(good.indicator(Indicator.PUBLICITY_CHECKED).score()).isEqualTo(100);
        assertThat(good.indicator(Indicator.DESIGNATED_AND_MARKED).score()).isEqualTo(100);
        assertThat(good.indicator(Indicator.ACCESS_RESTRICTED).score()).isEqualTo(100);
        assertThat(middling.indicator(Indicator.PUBLICITY_CHECKED).score()).isEqualTo(50);
        assertThat(weak.indicator(Indicator.PUBLICITY_CHECKED).score()).isZero();
        assertThat(readiness.publicityChecks(chosen.weak())).isEmpty();
        assertThat(ledger.historyOf(Subject.of("asset", chosen.wellPrepared())))
                .anyMatch(e -> e.action().equals("measure.publicityCheck.recorded"));
        assertThat(all).extracting(Readiness::overall).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.stream().map(Readiness::overall).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(all).contains(good, middling, weak);
    }
}
