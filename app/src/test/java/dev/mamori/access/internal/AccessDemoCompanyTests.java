package dev.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mamori.support.TestUsers;

/**
 * With the demo company (the database shared with the other demo tests) there are live grants on its secrets
 * and requests waiting for an approver: access to an entry and taking one out; and an approved 持出し still running,
 * which the check permits its requester (and which the entry's 管理責任者 could take back).
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class AccessDemoCompanyTests {

    @Autowired JdbcClient jdbc;
    @Autowired dev.mamori.access.AccessChecks checks;
    @Autowired IndexKeeper keeper;

    @Test
    void theDemoCompanyHasGrantsAndPendingRequestsOfTwoKinds() {
        assertThat(jdbc.sql("select count(*) from access.entry_grant where ended_at is null").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select distinct kind from access.request where status = 'PENDING'").query(String.class).list())
                .contains("ACCESS", "TAKE_OUT");
        var running = jdbc.sql("""
                        select requester_person_id, asset_id from access.request
                        where kind = 'TAKE_OUT' and status = 'APPROVED' and approved_until > now()""")
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        assertThat(running).hasSize(1);
        var check = checks.check(new dev.mamori.access.AccessQuestion(running.get(0)[0], dev.mamori.policy.Action.TAKE_OUT,
                running.get(0)[1], dev.mamori.policy.Medium.ELECTRONIC, dev.mamori.policy.Location.OUTSIDE_OFFICE, null));
        assertThat(check.permitted()).isTrue();
        assertThat(check.reasonKey()).isEqualTo("access.check.approvedRequest");
    }

    @Test
    void theAccessIndexKnowsTheDemoCompanyLoadedAfterItWasBuilt() {
        // every designated entry with its level, and every live grant once
        var designated = jdbc.sql("""
                        select a.id, a.level_id from inventory.asset a where a.level_id is not null""")
                .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list();
        assertThat(designated).isNotEmpty();
        for (var d : designated) {
            assertThat(keeper.index().levelOf(d.getKey())).as("entry %d", d.getKey()).isEqualTo(d.getValue());
        }
        long live = jdbc.sql("select count(*) from access.entry_grant where ended_at is null and (ends_at is null or ends_at > now())")
                .query(Long.class).single();
        assertThat((long) keeper.index().liveGrants()).isEqualTo(live);
    }
}
