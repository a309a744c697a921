package dev.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Lifecycle events go through the JDBC event publication registry: a listener that fails leaves the
 * publication incomplete in PostgreSQL, and resubmission (as on restart) delivers it.
 */
@MamoriTest
@EnableScenarios
@Import(EventPublicationRegistryTests.Listener.class)
class EventPublicationRegistryTests {

    @TestConfiguration
    static class Listener {
        static final List<Long> LEFT = new CopyOnWriteArrayList<>();
        static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

        @Bean
        Object personLeftRecorder() {
            return new Object() {
                @ApplicationModuleListener
                void on(PersonEvents.PersonLeft event) {
                    if (FAIL_ONCE.getAndSet(false)) {
                        throw new IllegalStateException("simulated crash of a listener");
                    }
                    LEFT.add(event.personId());
                }
            };
        }
    }

    @Autowired Directory directory;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long newPerson() {
        var hr = users.create(Role.HR);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        long dept = directory.createDepartment(new DepartmentDraft("R" + UUID.randomUUID().toString().substring(0, 8),
                "登録部", null, null));
        return directory.registerPerson(new PersonDraft("R" + UUID.randomUUID().toString().substring(0, 8), "佐藤 花子",
                "さとう はなこ", null, null, EmploymentType.REGULAR, null, dept, List.of(), null));
    }

    @Test
    void deliversPersonLeftThroughTheRegistry(Scenario scenario) {
        long id = newPerson();
        scenario.stimulate(() -> directory.markLeft(id, directory.today()))
                .andWaitForStateChange(() -> Listener.LEFT.contains(id))
                .andVerify(delivered -> assertThat(delivered).isTrue());
        // this test's listener's publication (other modules listen to PersonLeft too)
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%PersonLeft' "
                        + "and listener_id like '%EventPublicationRegistryTests%' "
                        + "and serialized_event like ? and completion_date is not null")
                .param("%\"personId\":" + id + ",%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void redeliversAPublicationWhoseListenerFailed(Scenario scenario) {
        long id = newPerson();
        Listener.FAIL_ONCE.set(true);
        scenario.stimulate(() -> directory.markLeft(id, directory.today()))
                .andWaitForStateChange(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ? "
                                + "and completion_date is null and status = 'FAILED'")
                        .param("%\"personId\":" + id + ",%").query(Long.class).single() > 0)
                .andVerify(failed -> assertThat(Listener.LEFT).doesNotContain(id));

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

        scenario.stimulate(() -> { })
                .andWaitForStateChange(() -> Listener.LEFT.contains(id))
                .andVerify(delivered -> assertThat(delivered).isTrue());
    }
}
