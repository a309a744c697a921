package dev.mamori.directory.importing;

import static dev.mamori.directory.importing.ImportFiles.PEOPLE_HEADER;
import static dev.mamori.directory.importing.ImportFiles.SHIFT_JIS;
import static dev.mamori.directory.importing.ImportFiles.in;
import static dev.mamori.directory.importing.ImportFiles.unique;
import static dev.mamori.directory.importing.ImportFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonEvents;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.directory.internal.importing.DirectoryImport;
import dev.mamori.directory.internal.importing.Finding;
import dev.mamori.directory.internal.importing.ImportKind;
import dev.mamori.directory.internal.importing.ImportPreview;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
@RecordApplicationEvents
@org.springframework.modulith.test.EnableScenarios
class DirectoryImportTests {

    @Autowired DirectoryImport imports;
    @Autowired Directory directory;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired ApplicationEvents events;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String sales;
    String dev;

    @BeforeEach
    void departmentsAndHr() {
        signIn(users.create(Role.HR));
        sales = unique("S");
        dev = unique("D");
        directory.createDepartment(new DepartmentDraft(sales, "営業部", "Sales", null));
        directory.createDepartment(new DepartmentDraft(dev, "開発部", "Development", null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(MamoriUserDetails user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    String[] twoPeople(String a, String b) {
        return new String[] {PEOPLE_HEADER,
                a + ",山田 太郎,やまだ たろう,yamada@example.jp," + sales + "," + dev + ",課長,正社員,,在職,2020-04-01,,,,",
                b + ",佐藤 花子,さとう はなこ,,"  + dev + ",,,派遣労働者,株式会社ハケン,休職,2021-10-01,2024-01-15,,,"};
    }

    ImportPreview preview(byte[] file, String encoding) {
        return imports.preview(ImportKind.PEOPLE, "people.csv", in(file), encoding);
    }

    @Test
    void importsTheSamePeopleFromShiftJisUtf8WithAndWithoutBomAndXlsx() {
        List<byte[]> files = new java.util.ArrayList<>();
        List<String[]> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(new String[] {unique("A"), unique("B")});
        }
        files.add(ImportFiles.csv(SHIFT_JIS, false, twoPeople(numbers.get(0)[0], numbers.get(0)[1])));
        files.add(ImportFiles.csv(StandardCharsets.UTF_8, true, twoPeople(numbers.get(1)[0], numbers.get(1)[1])));
        files.add(ImportFiles.csv(StandardCharsets.UTF_8, false, twoPeople(numbers.get(2)[0], numbers.get(2)[1])));
        files.add(ImportFiles.xlsx(twoPeople(numbers.get(3)[0], numbers.get(3)[1])));
        List<String> encodings = List.of("Shift_JIS", "UTF-8", "UTF-8", "");
        for (int i = 0; i < files.size(); i++) {
            ImportPreview preview = preview(files.get(i), "auto");
            assertThat(preview.errorCount()).as("errors of file %d", i).isZero();
            assertThat(preview.toCreate()).isEqualTo(2);
            assertThat(preview.encoding() == null ? "" : preview.encoding()).isEqualTo(encodings.get(i));
            imports.apply(preview.id());
        }
        for (String[] pair : numbers) {
            PersonView yamada = directory.findPersonByEmployeeNumber(pair[0]).orElseThrow();
            assertThat(yamada.name()).isEqualTo("山田 太郎");
            assertThat(yamada.nameKana()).isEqualTo("やまだ たろう");
            assertThat(yamada.email()).isEqualTo("yamada@example.jp");
            assertThat(yamada.position()).isEqualTo("課長");
            assertThat(yamada.status()).isEqualTo(PersonStatus.ACTIVE);
            assertThat(yamada.joinedOn()).isEqualTo(LocalDate.of(2020, 4, 1));
            assertThat(yamada.departments()).extracting(PersonView.DepartmentRef::code).containsExactly(sales, dev);
            PersonView sato = directory.findPersonByEmployeeNumber(pair[1]).orElseThrow();
            assertThat(sato.employmentType()).isEqualTo(EmploymentType.DISPATCHED);
            assertThat(sato.employer()).isEqualTo("株式会社ハケン");
            assertThat(sato.status()).isEqualTo(PersonStatus.ON_LEAVE);
            assertThat(sato.leaveFrom()).isEqualTo(LocalDate.of(2024, 1, 15));
        }
    }

    @Test
    void readsJapaneseEraDatesAndEnglishHeadersAndAnExplicitEncoding() {
        String number = unique("E");
        byte[] file = ImportFiles.csv(SHIFT_JIS, false,
                "Employee number,Name,Kana,Department code,Employment type,Status,Joined on",
                number + ",鈴木 一郎,すずき いちろう," + sales + ",契約社員,在職,令和6年4月1日");
        ImportPreview preview = preview(file, "shift_jis");
        assertThat(preview.errorCount()).isZero();
        imports.apply(preview.id());
        assertThat(directory.findPersonByEmployeeNumber(number).orElseThrow().joinedOn()).isEqualTo(LocalDate.of(2024, 4, 1));

        String other = unique("E");
        ImportPreview r6 = preview(utf8(PEOPLE_HEADER, other + ",鈴木 二郎,すずき じろう,," + sales + ",,,正社員,,在職,R6.4.2,,,,"), null);
        assertThat(r6.errorCount()).isZero();
    }

    @Test
    void previewReportsEachKindOfErrorWithItsRowAndApplyIsRefusedWithoutChangingAnything() {
        String left = unique("L");
        imports.apply(preview(utf8(PEOPLE_HEADER, left + ",田中 三郎,たなか さぶろう,," + sales + ",,,正社員,,退職済,2019-04-01,,,,2023-03-31"), null).id());
        String ok = unique("K");
        String dup = unique("U");
        byte[] file = utf8(PEOPLE_HEADER,
                ",名無し,ななし,," + sales + ",,,正社員,,在職,2020-04-01,,,,",                         // row 2: no 社員番号
                dup + ",重複 一,ちょうふく はじめ,,NOPE" + dup + ",,,正社員,,在職,2020-04-01,,,,",       // row 3: unknown department
                ok + ",正常 太郎,せいじょう たろう,," + sales + ",,,正社員,,在職,2020-04-01,,,,",          // row 4: fine
                unique("X") + ",日付 悪子,ひづけ わるこ,," + sales + ",,,正社員,,在職,2020-13-45,,,,",     // row 5: bad date
                dup + ",重複 二,ちょうふく じ,," + sales + ",,,正社員,,在職,2020-04-01,,,,",              // row 6: duplicate of row 3
                unique("X") + ",区分 不明,くぶん ふめい,," + sales + ",,,アルバイト長,,在職,2020-04-01,,,,", // row 7: unknown 雇用区分
                unique("X") + ",状況 不明,じょうきょう ふめい,," + sales + ",,,正社員,,在籍不明,2020-04-01,,,,", // row 8: unknown 在籍状況
                left + ",田中 三郎,たなか さぶろう,," + sales + ",,,正社員,,在職,2019-04-01,,,,");          // row 9: LEFT -> 在職 refused
        ImportPreview preview = preview(file, null);
        List<Finding> errors = imports.errors(preview.id(), 0, 100).items();
        assertThat(errors).extracting(Finding::row, Finding::messageKey).containsExactly(
                tuple(2, "directory.person.employeeNumberRequired"),
                tuple(3, "directory.import.departmentUnknown"),
                tuple(5, "directory.import.dateInvalid"),
                tuple(6, "directory.import.duplicateKey"),
                tuple(7, "directory.import.employmentTypeUnknown"),
                tuple(8, "directory.import.statusUnknown"),
                tuple(9, "directory.lifecycle.alreadyLeft"));
        assertThat(preview.errorCount()).isEqualTo(7);
        assertThat(preview.toCreate()).isEqualTo(1);

        // the directory's own entries: other modules' listeners may still be recording earlier tests' events
        long ledgerBefore = directoryEntries();
        assertThatThrownBy(() -> imports.apply(preview.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("directory.import.hasErrors");
        assertThat(directory.findPersonByEmployeeNumber(ok)).isEmpty();
        assertThat(directoryEntries()).isEqualTo(ledgerBefore);
    }

    long directoryEntries() {
        return jdbc.sql("select count(*) from ledger.entry where action like 'directory.%'").query(Long.class).single();
    }

    /** Every event publication about the employee number was delivered to its listeners. */
    boolean settled(String employeeNumber) {
        String like = "%\"employeeNumber\":\"" + employeeNumber + "\"%";
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?").param(like)
                .query(Long.class).single() > 0
                && jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
                .param(like).query(Long.class).single() == 0;
    }

    @Test
    void reimportingTheSameFileChangesNothingButRecordsOneSummary(org.springframework.modulith.test.Scenario scenario) {
        String a = unique("A");
        String b = unique("B");
        byte[] file = ImportFiles.csv(SHIFT_JIS, false, twoPeople(a, b));
        UUID first = preview(file, null).id();
        // the joined people's events are handled asynchronously by other modules (which may write to the
        // ledger, e.g. the agreement module's joining pledges): count from when they are done
        scenario.stimulate(() -> imports.apply(first))
                .andWaitForStateChange(() -> settled(a) && settled(b))
                .andVerify(done -> assertThat(done).isTrue());
        long id = directory.findPersonByEmployeeNumber(a).orElseThrow().id();
        int version = directory.findPersonByEmployeeNumber(a).orElseThrow().version();
        events.clear();
        long ledgerBefore = directoryEntries();

        ImportPreview again = preview(file, null);
        assertThat(again.toCreate()).isZero();
        assertThat(again.toChange()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.eventCount()).isZero();
        imports.apply(again.id());

        assertThat(events.stream().filter(e -> e.getClass().getEnclosingClass() == PersonEvents.class)).isEmpty();
        assertThat(directoryEntries()).isEqualTo(ledgerBefore + 1);
        List<LedgerEntry> summary = ledger.search(new LedgerQuery("import", again.id().toString(), null, null, null, null), 0, 10).entries();
        assertThat(summary).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("directory.import.applied"));
        assertThat(directory.findPersonByEmployeeNumber(a).orElseThrow().version()).isEqualTo(version);
        assertThat(ledger.historyOf(Subject.of("person", id))).hasSize(1);
    }

    @Test
    void aChangedDepartmentIsATransferAndANewLastWorkingDayIsANoticeOfLeaving() {
        String a = unique("A");
        imports.apply(preview(utf8(PEOPLE_HEADER, a + ",山田 太郎,やまだ たろう,," + sales + ",,,正社員,,在職,2020-04-01,,,,"), null).id());
        long id = directory.findPersonByEmployeeNumber(a).orElseThrow().id();
        assertThat(events.stream(PersonEvents.PersonJoined.class).filter(e -> e.personId() == id)).hasSize(1);

        ImportPreview moved = preview(utf8(PEOPLE_HEADER,
                a + ",山田 太郎,やまだ たろう,," + dev + ",,,正社員,,退職予定,2020-04-01,,2026-01-10,2026-03-31,"), null);
        assertThat(moved.errorCount()).isZero();
        assertThat(moved.toChange()).isEqualTo(1);
        assertThat(moved.eventCounts()).containsEntry("PersonTransferred", 1).containsEntry("PersonLeaveNotified", 1);
        imports.apply(moved.id());

        assertThat(events.stream(PersonEvents.PersonTransferred.class).filter(e -> e.personId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.fromPrimaryDepartmentId()).isEqualTo(directory.findDepartmentByCode(sales).orElseThrow().id());
                    assertThat(e.toPrimaryDepartmentId()).isEqualTo(directory.findDepartmentByCode(dev).orElseThrow().id());
                });
        assertThat(events.stream(PersonEvents.PersonLeaveNotified.class).filter(e -> e.personId() == id)).singleElement()
                .satisfies(e -> assertThat(e.lastWorkingDay()).isEqualTo(LocalDate.of(2026, 3, 31)));
        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(LedgerEntry::action).containsExactly(
                "directory.person.registered", "directory.person.leaveNotified", "directory.person.transferred");

        // a later last working day is announced again, with the previous one
        imports.apply(preview(utf8(PEOPLE_HEADER,
                a + ",山田 太郎,やまだ たろう,," + dev + ",,,正社員,,退職予定,2020-04-01,,2026-01-10,2026-04-30,"), null).id());
        assertThat(events.stream(PersonEvents.PersonLeaveNotified.class).filter(e -> e.personId() == id))
                .extracting(PersonEvents.PersonLeaveNotified::previousLastWorkingDay).containsExactly(null, LocalDate.of(2026, 3, 31));
        PersonView after = directory.findPerson(id).orElseThrow();
        assertThat(after.status()).isEqualTo(PersonStatus.LEAVING);
        assertThat(after.lastWorkingDay()).isEqualTo(LocalDate.of(2026, 4, 30));

        // 退職済 with its date is PersonLeft
        imports.apply(preview(utf8(PEOPLE_HEADER,
                a + ",山田 太郎,やまだ たろう,," + dev + ",,,正社員,,退職済,2020-04-01,,2026-01-10,2026-04-30,2026-04-30"), null).id());
        assertThat(events.stream(PersonEvents.PersonLeft.class).filter(e -> e.personId() == id)).hasSize(1);
    }

    @Test
    void importsDepartmentsWhoseParentsComeAfterThem() {
        String parent = unique("P");
        String child = unique("C");
        String grandchild = unique("G");
        ImportPreview preview = imports.preview(ImportKind.DEPARTMENTS, "departments.csv", in(utf8(ImportFiles.DEPARTMENT_HEADER,
                grandchild + ",第一課,Section 1," + child + ",有効,",
                child + ",営業部,Sales," + parent + ",有効,",
                parent + ",本社,Head office,,有効,")), null);
        assertThat(preview.errorCount()).isZero();
        assertThat(preview.toCreate()).isEqualTo(3);
        imports.apply(preview.id());
        long parentId = directory.findDepartmentByCode(parent).orElseThrow().id();
        long childId = directory.findDepartmentByCode(child).orElseThrow().id();
        assertThat(directory.findDepartmentByCode(child).orElseThrow().parentId()).isEqualTo(parentId);
        assertThat(directory.findDepartmentByCode(grandchild).orElseThrow().parentId()).isEqualTo(childId);

        ImportPreview cycle = imports.preview(ImportKind.DEPARTMENTS, "departments.csv", in(utf8(ImportFiles.DEPARTMENT_HEADER,
                parent + ",本社,Head office," + grandchild + ",有効,")), null);
        assertThat(imports.errors(cycle.id(), 0, 10).items()).extracting(Finding::messageKey)
                .containsExactly("directory.department.parentCycle");

        ImportPreview abolish = imports.preview(ImportKind.DEPARTMENTS, "departments.csv", in(utf8(ImportFiles.DEPARTMENT_HEADER,
                child + ",営業部,Sales," + parent + ",廃止,2026-03-31",
                grandchild + ",第一課,Section 1," + child + ",廃止,2026-03-31")), null);
        assertThat(abolish.errorCount()).isZero();
        imports.apply(abolish.id());
        assertThat(directory.findDepartmentByCode(child).orElseThrow().active()).isFalse();
        assertThat(directory.findDepartmentByCode(grandchild).orElseThrow().abolishedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    }
}
