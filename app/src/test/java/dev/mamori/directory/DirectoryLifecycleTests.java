package dev.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
@RecordApplicationEvents
class DirectoryLifecycleTests {

    @Autowired Directory directory;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired ApplicationEvents events;

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    long department(Long parent) {
        return directory.createDepartment(new DepartmentDraft(unique("D"), "部署" + unique(""), null, parent));
    }

    long person(long departmentId, LocalDate joinedOn) {
        return directory.registerPerson(new PersonDraft(unique("E"), "山田 太郎", "やまだ たろう", null, "主任",
                EmploymentType.REGULAR, null, departmentId, List.of(), joinedOn));
    }

    void signIn(dev.mamori.platform.internal.security.MamoriUserDetails user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void publishesTheLifecycleAsEventsAndRecordsEachStepInTheLedger() {
        signIn(users.create(Role.HR));
        long dept = department(null);
        long other = department(null);
        long id = person(dept, directory.today().plusDays(10));
        assertThat(events.stream(PersonEvents.PersonRegistered.class).filter(e -> e.personId() == id)).hasSize(1);

        directory.join(id, directory.today());
        PersonView p = directory.person(id);
        directory.updatePerson(id, new PersonDraft(p.employeeNumber(), p.name(), p.nameKana(), p.email(), p.position(),
                p.employmentType(), null, other, List.of(), null), p.version());
        directory.notifyLeave(id, directory.today(), directory.today().plusDays(30));
        directory.markLeft(id, directory.today().plusDays(30));

        assertThat(events.stream(PersonEvents.PersonJoined.class).filter(e -> e.personId() == id)).hasSize(1);
        assertThat(events.stream(PersonEvents.PersonTransferred.class).filter(e -> e.personId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.fromPrimaryDepartmentId()).isEqualTo(dept);
                    assertThat(e.toPrimaryDepartmentId()).isEqualTo(other);
                });
        assertThat(events.stream(PersonEvents.PersonLeaveNotified.class).filter(e -> e.personId() == id)).hasSize(1);
        assertThat(events.stream(PersonEvents.PersonLeft.class).filter(e -> e.personId() == id)).hasSize(1);
        assertThat(directory.person(id).status()).isEqualTo(PersonStatus.LEFT);
        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(e -> e.action()).containsExactly(
                "directory.person.registered", "directory.person.joined", "directory.person.transferred",
                "directory.person.leaveNotified", "directory.person.left");
    }

    @Test
    void refusesTransitionsTheLifecycleDoesNotAllow() {
        signIn(users.create(Role.HR));
        long id = person(department(null), directory.today());
        assertThatThrownBy(() -> directory.returnFromLeave(id, directory.today()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("returnOnlyOnLeave");
        assertThatThrownBy(() -> directory.notifyLeave(id, directory.today(), directory.today().minusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lastDayBeforeNotice");
        directory.markLeft(id, directory.today());
        assertThatThrownBy(() -> directory.markLeft(id, directory.today()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alreadyLeft");
    }

    @Test
    void managersSeeTheirDepartmentsAndThoseBelowButNoOthers() {
        signIn(users.create(Role.HR));
        long top = department(null);
        long child = department(top);
        long elsewhere = department(null);
        long inChild = person(child, directory.today());
        long outside = person(elsewhere, directory.today());

        signIn(users.manager(null, top));
        assertThat(directory.person(inChild).id()).isEqualTo(inChild);
        assertThatThrownBy(() -> directory.person(outside)).isInstanceOf(AccessRefusedException.class);
        assertThat(directory.searchPeople(PersonQuery.all(), 0, 200).people())
                .extracting(PersonView::id).contains(inChild).doesNotContain(outside);

        signIn(users.create(Role.EMPLOYEE));
        assertThatThrownBy(() -> directory.person(inChild)).isInstanceOf(AccessRefusedException.class);
        assertThat(directory.searchPeople(PersonQuery.all(), 0, 200).total()).isZero();
    }
}
