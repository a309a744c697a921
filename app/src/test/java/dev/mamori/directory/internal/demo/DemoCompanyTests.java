package dev.mamori.directory.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.internal.PersonRules;
import dev.mamori.platform.Role;

/**
 * The generated demo company is plausible and valid for the directory's rules, without a database.
 */
class DemoCompanyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    final DemoCompany company = DemoCompany.generate(TODAY);

    @Test
    void isTheSameCompanyEveryTimeForTheSameDay() {
        assertThat(DemoCompany.generate(TODAY).people()).isEqualTo(company.people());
    }

    @Test
    void hasThreeHundredPeopleOfEveryEmploymentTypeAndStatus() {
        assertThat(company.people()).hasSize(300);
        assertThat(company.people().stream().map(DemoCompany.Person::employmentType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EmploymentType.values());
        assertThat(company.people().stream().map(DemoCompany.Person::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(PersonStatus.values());
        long regular = company.people().stream().filter(p -> p.employmentType() == EmploymentType.REGULAR).count();
        assertThat(regular).isGreaterThan(150);
    }

    @Test
    void everyPersonPassesTheDirectoryShapeRulesWithUniqueNumbersNamesAndMailboxes() {
        for (DemoCompany.Person p : company.people()) {
            assertThat(PersonRules.KANA.matcher(p.nameKana()).matches()).as(p.nameKana()).isTrue();
            assertThat(PersonRules.EMPLOYEE_NUMBER.matcher(p.employeeNumber()).matches()).as(p.employeeNumber()).isTrue();
            if (p.email() != null) {
                assertThat(PersonRules.EMAIL.matcher(p.email()).matches()).as(p.email()).isTrue();
            }
            assertThat(p.name().split(" ")).hasSize(2);
            assertThat(p.nameKana().split(" ")).hasSize(2);
        }
        assertThat(company.people().stream().map(DemoCompany.Person::employeeNumber).distinct()).hasSize(300);
        assertThat(company.people().stream().map(DemoCompany.Person::name).distinct()).hasSize(300);
        assertThat(company.people().stream().map(DemoCompany.Person::email).filter(e -> e != null).distinct().count())
                .isEqualTo(company.people().stream().filter(p -> p.email() != null).count());
    }

    @Test
    void staffOfOtherCompaniesNameTheirEmployer() {
        assertThat(company.people()).filteredOn(p -> p.employmentType().employedElsewhere())
                .isNotEmpty().allSatisfy(p -> assertThat(p.employer()).isNotBlank());
        assertThat(company.people()).filteredOn(p -> !p.employmentType().employedElsewhere())
                .allSatisfy(p -> assertThat(p.employer()).isNull());
    }

    @Test
    void lifecycleDatesFitTheStatus() {
        for (DemoCompany.Person p : company.people()) {
            switch (p.status()) {
                case PROSPECTIVE -> assertThat(p.joinedOn()).isAfter(TODAY);
                case ACTIVE -> assertThat(p.joinedOn()).isBefore(TODAY);
                case ON_LEAVE -> assertThat(p.leaveFrom()).isAfter(p.joinedOn()).isBefore(TODAY);
                case LEAVING -> {
                    assertThat(p.noticeDate()).isAfter(p.joinedOn()).isBeforeOrEqualTo(TODAY);
                    assertThat(p.lastWorkingDay()).isAfter(TODAY);
                }
                case LEFT -> {
                    assertThat(p.leftOn()).isAfter(p.joinedOn()).isBefore(TODAY);
                    if (p.noticeDate() != null) {
                        assertThat(p.noticeDate()).isAfter(p.joinedOn()).isBefore(p.leftOn());
                    }
                }
            }
        }
    }

    @Test
    void departmentsFormATreeAndEachHasACurrentManagerFromItsOwnPeople() {
        Set<String> codes = company.departments().stream().map(DemoCompany.Department::code).collect(Collectors.toSet());
        assertThat(codes).hasSizeBetween(12, 16);
        assertThat(company.departments()).filteredOn(d -> d.parentCode() != null).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(d -> assertThat(codes).contains(d.parentCode()));
        assertThat(company.managers().keySet()).isEqualTo(codes);
        company.managers().forEach((code, number) -> assertThat(company.people())
                .anySatisfy(p -> {
                    assertThat(p.employeeNumber()).isEqualTo(number);
                    assertThat(p.departmentCode()).isEqualTo(code);
                    assertThat(p.status()).isEqualTo(PersonStatus.ACTIVE);
                }));
        assertThat(company.people()).filteredOn(p -> !p.additionalDepartmentCodes().isEmpty()).hasSizeGreaterThan(5);
    }

    @Test
    void givesOneActivePersonAnAccountForEachRole() {
        Set<Role> roles = new HashSet<>();
        company.accounts().forEach(a -> roles.addAll(a.roles()));
        assertThat(roles).containsAll(Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM_ADMIN).toList());
        assertThat(company.accounts()).allSatisfy(a -> assertThat(company.people()).anySatisfy(p -> {
            assertThat(p.employeeNumber()).isEqualTo(a.employeeNumber());
            assertThat(p.status()).isEqualTo(PersonStatus.ACTIVE);
        }));
        assertThat(company.accounts()).filteredOn(a -> a.roles().contains(Role.MANAGER))
                .singleElement().satisfies(a -> assertThat(company.managers().get(a.managedDepartmentCode()))
                        .isEqualTo(a.employeeNumber()));
    }
}
