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
 * and requests waiting for an approver: access to an entry and taking one out.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class AccessDemoCompanyTests {

    @Autowired JdbcClient jdbc;

    @Test
    void theDemoCompanyHasGrantsAndPendingRequestsOfTwoKinds() {
        assertThat(jdbc.sql("select count(*) from access.entry_grant where ended_at is null").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select distinct kind from access.request where status = 'PENDING'").query(String.class).list())
                .contains("ACCESS", "TAKE_OUT");
    }
}
