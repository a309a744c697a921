package dev.mamori.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;
import dev.mamori.platform.PersonDirectory;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement.AccountChanges;
import dev.mamori.platform.internal.security.AccountManagement.NewAccount;
import dev.mamori.support.MamoriTest;

/**
 * Linking accounts to people and scoping managers through the {@link PersonDirectory} SPI, with a
 * directory of this test's own (the real one comes with the directory module) and without any; and
 * the guard that keeps one enabled system administrator.
 */
@MamoriTest
class AccountManagementTests {

    static final AtomicLong IDS = new AtomicLong(9_000_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Ledger ledger;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Clock clock;

    @Autowired
    CurrentUsers users;

    @Autowired
    AccountManagement management;

    final FakeDirectory directory = new FakeDirectory();

    @Test
    void linksAPersonByEmployeeNumberAndShowsIt() {
        var person = directory.person("E" + IDS.incrementAndGet(), "高橋 三郎");
        var service = with(directory);
        long id = service.create(newAccount(person.employeeNumber(), Set.of(Role.EMPLOYEE), List.of())).id();
        var view = service.get(id);
        assertThat(view.personId()).isEqualTo(person.id());
        assertThat(view.employeeNumber()).isEqualTo(person.employeeNumber());
        assertThat(view.person().name()).isEqualTo("高橋 三郎");
    }

    @Test
    void refusesUnknownEmployeeNumbersAndPeopleWithAnAccount() {
        var service = with(directory);
        assertRefused(() -> service.create(newAccount("NOPE-" + IDS.incrementAndGet(), Set.of(Role.EMPLOYEE), List.of())),
                "employeeNumber", "platform.account.employeeNumberUnknown");
        var person = directory.person("E" + IDS.incrementAndGet(), "伊藤 四郎");
        service.create(newAccount(person.employeeNumber(), Set.of(Role.EMPLOYEE), List.of()));
        assertThatThrownBy(() -> service.create(newAccount(person.employeeNumber(), Set.of(Role.EMPLOYEE), List.of())))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((MamoriException) e).field()).isEqualTo("employeeNumber");
    }

    @Test
    void scopesManagersToDepartmentsChosenByCode() {
        var sales = directory.department("S" + IDS.incrementAndGet(), "営業部", "Sales");
        var legal = directory.department("L" + IDS.incrementAndGet(), "法務部", "Legal");
        var service = with(directory);
        long id = service.create(newAccount(null, Set.of(Role.EMPLOYEE, Role.MANAGER),
                List.of(sales.code(), legal.code(), sales.code()))).id();
        assertThat(accounts.rolesOf(id)).containsExactlyInAnyOrder(new RoleGrant(Role.EMPLOYEE, null),
                new RoleGrant(Role.MANAGER, sales.id()), new RoleGrant(Role.MANAGER, legal.id()));
        var view = service.get(id);
        assertThat(view.managerDepartmentCodes()).contains(sales.code(), legal.code());
        assertThat(view.managerGrants()).extracting(g -> g.departmentName(java.util.Locale.ENGLISH))
                .containsExactlyInAnyOrder("Sales", "Legal");

        assertRefused(() -> service.create(newAccount(null, Set.of(Role.MANAGER), List.of("NO-SUCH-DEPT"))),
                "departmentCodes", "platform.account.departmentCodeUnknown");
        assertRefused(() -> service.create(newAccount(null, Set.of(Role.MANAGER), List.of())),
                "departmentCodes", "platform.account.managerNeedsDepartment");
        assertRefused(() -> service.create(newAccount(null, Set.of(Role.EMPLOYEE), List.of(sales.code()))),
                "departmentCodes", "platform.account.onlyManagerScoped");
    }

    @Test
    void keepsADepartmentTheDirectoryNoLongerKnows() {
        var closing = directory.department("C" + IDS.incrementAndGet(), "閉鎖予定部", "Closing");
        var service = with(directory);
        long id = service.create(newAccount(null, Set.of(Role.MANAGER), List.of(closing.code()))).id();
        directory.departments.remove(closing.id());
        var view = service.get(id);
        assertThat(view.managerDepartmentCodes()).isEqualTo("#" + closing.id());
        service.update(id, new AccountChanges("名前を変更", null, Set.of(Role.MANAGER, Role.HR),
                List.of("#" + closing.id()), null));
        assertThat(accounts.rolesOf(id)).contains(new RoleGrant(Role.MANAGER, closing.id()), new RoleGrant(Role.HR, null));
        assertRefused(() -> service.update(id, new AccountChanges("名前", null, Set.of(Role.MANAGER), List.of("#1"), null)),
                "departmentCodes", "platform.account.departmentCodeUnknown");
    }

    @Test
    void worksWithoutADirectoryAndKeepsExistingLinks() {
        var withDirectory = with(directory);
        var person = directory.person("E" + IDS.incrementAndGet(), "渡辺 五郎");
        var dept = directory.department("D" + IDS.incrementAndGet(), "開発部", "Development");
        long id = withDirectory.create(newAccount(person.employeeNumber(), Set.of(Role.MANAGER), List.of(dept.code()))).id();

        var without = with(null);
        assertThat(without.directoryAvailable()).isFalse();
        assertRefused(() -> without.create(newAccount("E1", Set.of(Role.EMPLOYEE), List.of())),
                "employeeNumber", "platform.account.directoryUnavailable");
        assertRefused(() -> without.create(newAccount(null, Set.of(Role.MANAGER), List.of("D1"))),
                "departmentCodes", "platform.account.directoryUnavailable");
        var view = without.get(id);
        assertThat(view.person()).isNull();
        assertThat(view.managerDepartmentCodes()).isEqualTo("#" + dept.id());
        // the edit form shows "#id" and no employee number; saving it keeps both
        without.update(id, new AccountChanges("改名", null, Set.of(Role.MANAGER), List.of("#" + dept.id()), null));
        var after = accounts.findById(id).orElseThrow();
        assertThat(after.personId()).isEqualTo(person.id());
        assertThat(accounts.rolesOf(id)).containsExactly(new RoleGrant(Role.MANAGER, dept.id()));
    }

    @Test
    @Transactional // rolled back: the administrators disabled here stay enabled for the other tests
    void keepsAtLeastOneEnabledSystemAdministrator() {
        long admin = accounts.findByUsername("admin").orElseThrow().id();
        accounts.findAll().stream()
                .filter(a -> a.id() != admin && a.enabled())
                .filter(a -> accounts.rolesOf(a.id()).contains(new RoleGrant(Role.SYSTEM_ADMIN, null)))
                .forEach(a -> accounts.updateEnabled(a.id(), false));
        assertRefused(() -> management.setEnabled(admin, false), "roles", "platform.account.lastAdmin");
        assertRefused(() -> management.update(admin, "システム管理者", null, true,
                List.of(new RoleGrant(Role.EMPLOYEE, null))), "roles", "platform.account.lastAdmin");
        assertThat(accounts.findById(admin).orElseThrow().enabled()).isTrue();
    }

    private static NewAccount newAccount(String employeeNumber, Set<Role> roles, List<String> codes) {
        return new NewAccount("mgmt-" + IDS.incrementAndGet(), "テスト", "a-long-enough-password", employeeNumber,
                roles, codes);
    }

    private AccountManagement with(PersonDirectory people) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (people != null) {
            beans.addBean("directory", people);
        }
        ObjectProvider<PersonDirectory> provider = beans.getBeanProvider(PersonDirectory.class);
        return new AccountManagement(accounts, encoder, ledger, tokens, provider, clock, users);
    }

    private static void assertRefused(Runnable action, String field, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOf(MamoriException.class)
                .satisfies(e -> {
                    assertThat(((MamoriException) e).field()).isEqualTo(field);
                    assertThat(((MamoriException) e).messageKey()).isEqualTo(key);
                });
    }

    /** A directory of a few people and departments with ids far from any real ones. */
    static final class FakeDirectory implements PersonDirectory {

        final Map<Long, PersonRef> people = new HashMap<>();
        final Map<Long, DepartmentRef> departments = new HashMap<>();

        PersonRef person(String employeeNumber, String name) {
            var ref = new PersonRef(IDS.incrementAndGet(), employeeNumber, name);
            people.put(ref.id(), ref);
            return ref;
        }

        DepartmentRef department(String code, String nameJa, String nameEn) {
            var ref = new DepartmentRef(IDS.incrementAndGet(), code, nameJa, nameEn);
            departments.put(ref.id(), ref);
            return ref;
        }

        @Override
        public Optional<PersonRef> findPersonByEmployeeNumber(String employeeNumber) {
            return people.values().stream().filter(p -> p.employeeNumber().equals(employeeNumber)).findFirst();
        }

        @Override
        public Optional<PersonRef> findPerson(long personId) {
            return Optional.ofNullable(people.get(personId));
        }

        @Override
        public Optional<DepartmentRef> findDepartmentByCode(String code) {
            return departments.values().stream().filter(d -> d.code().equals(code)).findFirst();
        }

        @Override
        public Optional<DepartmentRef> findDepartment(long departmentId) {
            return Optional.ofNullable(departments.get(departmentId));
        }
    }
}
