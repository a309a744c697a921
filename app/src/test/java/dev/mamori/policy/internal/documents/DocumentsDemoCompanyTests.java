package dev.mamori.policy.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.platform.Role;
import dev.mamori.support.TestUsers;

/**
 * The demo company (its own database, shared with the directory's and the register's demo tests) has all
 * four regulations published as version 1, generated from the default scheme and standard, and partially
 * acknowledged: every 管理責任者 has, some others have not, and some are overdue.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class DocumentsDemoCompanyTests {

    @Autowired Documents documents;
    @Autowired Acknowledgements acknowledgements;
    @Autowired Directory directory;
    @Autowired TestUsers users;

    @Test
    void theDemoCompanyHasPublishedRegulationsPartlyAcknowledged() {
        var chief = users.create(Role.CHIEF_OFFICER);
        List<KindOverview> kinds = DocumentFixture.as(chief, documents::overview);
        assertThat(kinds).allSatisfy(k -> assertThat(k.latest()).isNotNull());
        VersionSummary regulation = kinds.get(0).latest();
        assertThat(regulation.kind()).isEqualTo(DocumentKind.REGULATION);
        assertThat(regulation.company()).isEqualTo("株式会社朝霧精工");
        assertThat(regulation.dueOn()).isBefore(documents.today());

        List<DocLine> standard = DocumentFixture.as(chief, () -> documents.lines(
                documents.version(DocumentKind.STANDARD, kinds.get(1).latest().number())));
        assertThat(standard).extracting(DocLine::text).contains("第2章　「極秘」の取扱い", "第3章　「社外秘」の取扱い");

        Progress progress = DocumentFixture.as(chief, () -> acknowledgements.progress(DocumentKind.REGULATION,
                regulation.number()));
        assertThat(progress.total()).isGreaterThan(200);
        assertThat(progress.percent()).isBetween(40, 90);
        assertThat(progress.departments()).hasSizeGreaterThanOrEqualTo(10);
        List<Long> managers = directory.listDepartments().stream().filter(DepartmentView::active)
                .flatMap(d -> d.managers().stream()).map(DepartmentView.PersonRef::id).toList();
        assertThat(progress.departments().stream().flatMap(d -> d.pendingPeople().stream())
                .map(PersonAcknowledgement::personId)).doesNotContainAnyElementsOf(managers);
        assertThat(progress.departments().stream().flatMap(d -> d.pendingPeople().stream()))
                .anyMatch(a -> a.overdue(documents.today()));
    }
}
