package dev.mamori.directory.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.directory.DepartmentNode;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonQuery;
import dev.mamori.directory.PersonStatus;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.support.TestUsers;

/**
 * With {@code mamori.demo=true} an empty database receives the demo company through the directory's
 * service (so with events and ledger entries), once. Runs on its own database so that the shared test
 * database stays free of the 300 demo people.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class DirectoryDemoDataTests {

    @Autowired Directory directory;
    @Autowired TestUsers users;
    @Autowired AccountManagement accounts;
    @Autowired ApplicationContext context;
    @Autowired DirectoryDemoData loader;

    @BeforeEach
    void signInAsAuditor() {
        var auditor = users.create(Role.AUDITOR);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(auditor, null, auditor.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void loadsAbout12DepartmentsInATreeWithTheirManagers() {
        List<DepartmentNode> roots = directory.departmentTree(false);
        assertThat(directory.listDepartments()).hasSizeBetween(12, 16);
        assertThat(roots).extracting(n -> n.department().code())
                .contains("PLAN", "GA", "HR", "LEGAL", "IT", "SALES", "RD", "MFG");
        assertThat(roots).filteredOn(n -> n.department().code().equals("RD")).singleElement()
                .satisfies(rd -> assertThat(rd.children()).extracting(c -> c.department().nameJa())
                        .containsExactlyInAnyOrder("設計部", "研究開発部"));
        assertThat(directory.listDepartments()).allSatisfy(d -> assertThat(d.managers()).isNotEmpty());
        assertThat(roots.stream().mapToLong(DepartmentNode::totalHeadcount).sum())
                .as("everyone not yet 退職済 counts in the tree")
                .isEqualTo(300 - count(new PersonQuery(null, null, PersonStatus.LEFT, null)));
    }

    @Test
    void loads300PeopleCoveringEveryEmploymentTypeAndStatus() {
        assertThat(count(PersonQuery.all())).isEqualTo(300);
        for (EmploymentType type : EmploymentType.values()) {
            assertThat(count(new PersonQuery(null, null, null, type))).as(type.name()).isPositive();
        }
        Map<PersonStatus, Long> byStatus = directory.countPeopleByStatus();
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
        Arrays.stream(PersonStatus.values()).forEach(s -> assertThat(byStatus.get(s)).as(s.name()).isPositive());
        assertThat(directory.searchPeople(new PersonQuery(null, null, PersonStatus.LEAVING, null), 0, 50).people())
                .allSatisfy(p -> assertThat(p.lastWorkingDay()).isAfterOrEqualTo(p.noticeDate()));
        assertThat(directory.searchPeople(new PersonQuery(null, null, null, EmploymentType.DISPATCHED), 0, 50).people())
                .allSatisfy(p -> assertThat(p.employer()).isNotBlank());
    }

    @Test
    void createsOneDemoAccountPerRoleLinkedToItsPerson() {
        var demo = accounts.list().stream()
                .filter(a -> List.of("chief", "committee", "design-manager", "hr", "legal", "it-security", "auditor",
                        "employee").contains(a.username()))
                .toList();
        assertThat(demo).hasSize(8).allSatisfy(a -> assertThat(a.personId()).isNotNull());
        assertThat(demo).filteredOn(a -> a.username().equals("design-manager")).singleElement()
                .satisfies(a -> assertThat(a.roles()).anySatisfy(g -> {
                    assertThat(g.role()).isEqualTo(Role.MANAGER);
                    assertThat(g.departmentId()).isEqualTo(directory.findDepartmentByCode("RD-DESIGN").orElseThrow().id());
                }));
    }

    @Test
    void loadingTwiceDoesNotDuplicate() throws Exception {
        int departments = directory.listDepartments().size();
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            if (AopUtils.getTargetClass(runner).getSimpleName().equals("DemoDataRunner")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
        loader.load(); // even when asked directly, the loader sees the company is there

        assertThat(directory.listDepartments()).hasSize(departments);
        assertThat(count(PersonQuery.all())).isEqualTo(300);
        assertThat(accounts.list()).filteredOn(a -> a.username().equals("chief")).hasSize(1);
    }

    private long count(PersonQuery query) {
        return directory.searchPeople(query, 0, 1).total();
    }
}
