package dev.mamori.inventory.internal.importing;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.inventory.internal.importing.RegisterFiles.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.ImportedFacts;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.inventory.Stage;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Importing a register: IPA's layout in Shift_JIS CSV and in XLSX (title row, grouped headers), every row's
 * errors with nothing written, idempotent re-imports, the mapping step for unknown layouts (remembered by
 * header signature), and a manager limited to their departments.
 */
@MamoriTest
class RegisterImportTests {

    @Autowired RegisterImport imports;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired TestUsers users;

    long dept;
    Register reg;
    long otherDept;
    DepartmentView department;
    MamoriUserDetails manager;
    MamoriUserDetails chief;
    String tag;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        otherDept = reg.department(null);
        department = directory.department(dept);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        reg.assignManager(otherDept, reg.person(otherDept));
        chief = reg.withRole(Role.CHIEF_OFFICER);
        tag = Register.unique("IM");
    }

    List<List<String>> ipaRows() {
        return List.of(RegisterFiles.IPA_HEADER,
                List.of("営業", tag + "顧客名簿", "主要顧客の連絡先", "営業部全員", department.nameJa(),
                        "紙（営業部キャビネット）、電子（ファイルサーバ）", "氏名、住所、電話番号", "3", "2", "2", "5年", "2024/4/1"),
                List.of("人事", tag + "健康診断結果", "", "人事担当者", department.code(), "紙（人事部金庫）", "氏名、病歴",
                        "3", "3", "1", "退職後5年", "令和6年4月1日"),
                List.of("技術開発", tag + "A100型金型の図面", "", "設計課", department.code(), "CAD データ（\\\\fs01\\cad）", "なし",
                        "2", "2", "2", "2030/3/31", "2024-05-10"),
                List.of("営業", tag + "営業業務に関する情報", "", "", department.code(), "共有フォルダ", "", "1", "1", "1", "",
                        ""));
    }

    ImportPreview upload(MamoriUserDetails user, String name, byte[] bytes, Long defaultDepartment, ColumnMapping mapping) {
        return as(user, () -> imports.preview(name, in(bytes), "auto", defaultDepartment, mapping));
    }

    List<AssetView> imported(MamoriUserDetails user) {
        return as(user, () -> inventory.search(new AssetQuery(tag, null, null, null, null, null, null), 0, 50)).assets()
                .stream().sorted(Comparator.comparing(AssetView::name)).toList();
    }

    AssetView named(String suffix) {
        return imported(chief).stream().filter(a -> a.name().equals(tag + suffix)).findFirst().orElseThrow();
    }

    List<Finding> findings(MamoriUserDetails user, ImportPreview p) {
        return as(user, () -> imports.findings(p.id(), null, 0, 100));
    }

    @Test
    void importsIpasLayoutFromShiftJisCsvWithEveryFieldInItsPlace() {
        byte[] file = RegisterFiles.shiftJis(ipaRows());
        ImportPreview preview = upload(chief, "台帳.csv", file, null, null);
        assertThat(preview.layout()).isEqualTo(Layout.IPA);
        assertThat(preview.encoding()).isEqualTo("Shift_JIS");
        assertThat(preview.needsMapping()).isFalse();
        assertThat(preview.toCreate()).isEqualTo(4);
        assertThat(preview.errorCount()).isZero();
        assertThat(findings(chief, preview)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.messageKey()).isEqualTo("inventory.name.warnBusinessLine");
            assertThat(f.row()).isEqualTo(5);
            assertThat(f.column()).isEqualTo(1);
        });
        assertThat(imported(chief)).isEmpty();

        ImportPreview applied = as(chief, () -> imports.apply(preview.id()));
        assertThat(applied.applied()).isTrue();
        assertThat(imported(chief)).hasSize(4);

        AssetView customers = named("顧客名簿");
        assertThat(customers.departmentId()).isEqualTo(dept);
        assertThat(customers.responsiblePersonId()).isEqualTo(manager.personId());
        assertThat(customers.description()).isEqualTo("主要顧客の連絡先\n業務分類：営業");
        assertThat(customers.kind()).isEqualTo(AssetKind.BUSINESS);
        assertThat(customers.subKind()).isEqualTo(AssetSubKind.CUSTOMER);
        assertThat(customers.forms()).containsExactly(new FormEntry(AssetForm.DOCUMENT, "紙（営業部キャビネット）"),
                new FormEntry(AssetForm.ELECTRONIC, "電子（ファイルサーバ）"));
        assertThat(customers.regimes().personalInfo()).isTrue();
        assertThat(customers.regimes().sensitivePersonalInfo()).isFalse();
        assertThat(customers.stage()).isEqualTo(Stage.CREATED);
        assertThat(customers.designated()).isFalse();
        assertThat(as(chief, () -> inventory.importedFacts(customers.id())))
                .isEqualTo(new ImportedFacts(LocalDate.of(2024, 4, 1), "5年", "営業部全員", 3, 2, 2, null));
        assertThat(as(chief, () -> inventory.evaluations(customers.id()))).isEmpty();

        AssetView health = named("健康診断結果");
        assertThat(health.regimes().sensitivePersonalInfo()).isTrue();
        assertThat(health.kind()).isEqualTo(AssetKind.OTHER);
        assertThat(health.subKind()).isEqualTo(AssetSubKind.HR_FINANCE);
        assertThat(as(chief, () -> inventory.importedFacts(health.id())).registeredOn()).isEqualTo(LocalDate.of(2024, 4, 1));

        AssetView drawings = named("A100型金型の図面");
        assertThat(drawings.kind()).isEqualTo(AssetKind.TECHNICAL);
        assertThat(drawings.forms()).extracting(FormEntry::form).containsExactly(AssetForm.ELECTRONIC);
        assertThat(drawings.regimes().personalInfo()).isFalse();
        assertThat(as(chief, () -> inventory.importedFacts(drawings.id())).retention()).isEqualTo("2030-03-31");

        List<LedgerEntry> record = ledger.historyOf(Subject.of("assetImport", preview.id()));
        assertThat(record).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("inventory.import.applied");
            assertThat(e.detailsJson()).contains(RegisterFiles.sha256(file)).contains("\"created\": 4");
        });
        assertThat(ledger.historyOf(Subject.of("asset", customers.id()))).extracting(LedgerEntry::action)
                .containsExactly("inventory.asset.registered");
    }

    @Test
    void importsIpasWorkbookWithTitleRowGroupedHeadersAndDateCells() {
        byte[] file = RegisterFiles.ipaWorkbook(List.of(
                List.of(1, "総務", tag + "社員名簿", "", "全社", department.code(), "紙、NAS", "○", "", "○", 2, 2, 3, "5年",
                        LocalDate.of(2023, 10, 1)),
                List.of(2, "総務", tag + "通勤経路の一覧", "", "総務課", department.nameJa(), "Excel（共有フォルダ）", "", "○", "", 1,
                        1, 1, "", LocalDate.of(2023, 10, 2))));
        ImportPreview preview = upload(chief, "ipa.xlsx", file, null, null);
        assertThat(preview.layout()).isEqualTo(Layout.IPA);
        assertThat(preview.format()).isEqualTo("XLSX");
        assertThat(preview.headerRow()).isEqualTo(4);
        assertThat(preview.mapping()).containsSubsequence(ImportField.PERSONAL_INFO, ImportField.SENSITIVE,
                ImportField.MY_NUMBER, ImportField.CONFIDENTIALITY, ImportField.INTEGRITY, ImportField.AVAILABILITY);
        assertThat(preview.errorCount()).as(findings(chief, preview).toString()).isZero();
        as(chief, () -> imports.apply(preview.id()));

        AssetView staff = named("社員名簿");
        assertThat(staff.regimes().personalInfo()).isTrue();
        assertThat(staff.regimes().sensitivePersonalInfo()).isFalse();
        assertThat(staff.forms()).extracting(FormEntry::form).containsExactly(AssetForm.DOCUMENT, AssetForm.ELECTRONIC);
        assertThat(as(chief, () -> inventory.importedFacts(staff.id())))
                .isEqualTo(new ImportedFacts(LocalDate.of(2023, 10, 1), "5年", "全社", 2, 2, 3, null));
        AssetView commute = named("通勤経路の一覧");
        assertThat(commute.regimes().sensitivePersonalInfo()).isTrue();
        assertThat(commute.regimes().personalInfo()).isTrue();
    }

    @Test
    void aFileWithErrorsListsEveryRowsErrorsAndWritesNothing() {
        byte[] file = RegisterFiles.utf8(List.of(
                List.of("情報資産名称", "管理部署", "媒体・保存先", "機密性", "登録日", "個人情報の種類"),
                List.of(tag + "正しい行", department.code(), "紙", "1", "2024-01-01", ""),
                List.of("", department.code(), "紙", "1", "2024-01-01", ""),
                List.of(tag + "部署不明", "NO-SUCH-DEPT", "紙", "1", "2024-01-01", ""),
                List.of(tag + "値が不正", department.code(), "紙", "7", "2024-13-45", ""),
                List.of(tag + "正しい行", department.code(), "電子", "1", "2024-01-01", "")));
        ImportPreview preview = upload(chief, "errors.csv", file, null, null);
        assertThat(preview.encoding()).isEqualTo("UTF-8");
        assertThat(preview.errorCount()).isEqualTo(5);
        assertThat(preview.applicable()).isFalse();
        List<Finding> errors = as(chief, () -> imports.findings(preview.id(), Finding.Severity.ERROR, 0, 100));
        assertThat(errors).extracting(Finding::row, Finding::column, Finding::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, 0, "inventory.asset.nameRequired"),
                org.assertj.core.groups.Tuple.tuple(4, 1, "inventory.import.departmentUnknown"),
                org.assertj.core.groups.Tuple.tuple(5, 3, "inventory.import.levelInvalid"),
                org.assertj.core.groups.Tuple.tuple(5, 4, "inventory.import.dateInvalid"),
                org.assertj.core.groups.Tuple.tuple(6, 0, "inventory.import.duplicateRow"));
        assertThat(errors.get(1).args()).containsExactly("NO-SUCH-DEPT");
        assertThatThrownBy(() -> as(chief, () -> imports.apply(preview.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inventory.import.hasErrors");
        assertThat(imported(chief)).isEmpty();
        assertThat(ledger.historyOf(Subject.of("assetImport", preview.id()))).isEmpty();
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAChangedCellUpdatesTheEntry() {
        byte[] file = RegisterFiles.shiftJis(ipaRows());
        ImportPreview first = upload(chief, "台帳.csv", file, null, null);
        as(chief, () -> imports.apply(first.id()));
        List<AssetView> before = imported(chief);

        ImportPreview again = upload(chief, "台帳.csv", file, null, null);
        assertThat(again.toCreate()).isZero();
        assertThat(again.toChange()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        ImportPreview applied = as(chief, () -> imports.apply(again.id()));
        assertThat(applied.unchanged()).isEqualTo(4);
        assertThat(imported(chief)).isEqualTo(before);
        for (AssetView a : before) {
            assertThat(ledger.historyOf(Subject.of("asset", a.id()))).extracting(LedgerEntry::action)
                    .containsExactly("inventory.asset.registered");
        }

        List<List<String>> rows = new ArrayList<>(ipaRows());
        List<String> changed = new ArrayList<>(rows.get(1));
        changed.set(2, "主要顧客と見込み客の連絡先");
        changed.set(10, "7年");
        rows.set(1, changed);
        ImportPreview third = upload(chief, "台帳.csv", RegisterFiles.shiftJis(rows), null, null);
        assertThat(third.toChange()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(3);
        as(chief, () -> imports.apply(third.id()));
        AssetView customers = named("顧客名簿");
        assertThat(customers.description()).startsWith("主要顧客と見込み客の連絡先");
        assertThat(as(chief, () -> inventory.importedFacts(customers.id())).retention()).isEqualTo("7年");
        assertThat(ledger.historyOf(Subject.of("asset", customers.id()))).extracting(LedgerEntry::action)
                .containsExactly("inventory.asset.registered", "inventory.asset.updated");
        assertThat(imported(chief)).hasSize(4);
    }

    @Test
    void anUnknownLayoutIsMappedOnceAndTheMappingIsRememberedByItsHeaders() {
        List<String> header = List.of("資産" + tag, "置き場所", "担当部署", "メモ");
        byte[] file = RegisterFiles.utf8(List.of(header, List.of(tag + "見積書の控え", "書庫", department.code(), "紙で保管"),
                List.of(tag + "見積単価表", "クラウド", department.code(), "")));
        ImportPreview preview = upload(chief, "own.csv", file, null, null);
        assertThat(preview.layout()).isEqualTo(Layout.UNKNOWN);
        assertThat(preview.needsMapping()).isTrue();
        assertThat(preview.samplesOf(0)).containsExactly(tag + "見積書の控え", tag + "見積単価表");
        assertThatThrownBy(() -> as(chief, () -> imports.apply(preview.id()))).isInstanceOf(InvalidInputException.class);

        assertThatThrownBy(() -> as(chief, () -> imports.map(preview.id(), ColumnMapping.of(List.of(ImportField.IGNORE,
                ImportField.FORMS, ImportField.DEPARTMENT, ImportField.DESCRIPTION)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inventory.import.mappingMissing");
        ImportPreview mapped = as(chief, () -> imports.map(preview.id(), ColumnMapping.of(List.of(ImportField.NAME,
                ImportField.FORMS, ImportField.DEPARTMENT, ImportField.DESCRIPTION))));
        assertThat(mapped.layout()).isEqualTo(Layout.MAPPED);
        assertThat(mapped.toCreate()).isEqualTo(2);
        as(chief, () -> imports.apply(mapped.id()));
        assertThat(named("見積書の控え").forms()).containsExactly(new FormEntry(AssetForm.DOCUMENT, "書庫"));
        assertThat(named("見積単価表").subKind()).isEqualTo(AssetSubKind.PRICING);

        MamoriUserDetails admin = reg.withRole(Role.SYSTEM_ADMIN);
        byte[] next = RegisterFiles.utf8(List.of(header, List.of(tag + "見積依頼の記録", "ファイルサーバ", department.code(), "")));
        ImportPreview remembered = upload(admin, "own2.csv", next, null, null);
        assertThat(remembered.layout()).isEqualTo(Layout.REMEMBERED);
        assertThat(remembered.needsMapping()).isFalse();
        assertThat(remembered.toCreate()).isEqualTo(1);
    }

    @Test
    void aManagerImportsOnlyIntoTheirDepartmentsAndAnyOtherRowIsAnError() {
        byte[] file = RegisterFiles.utf8(List.of(List.of("情報資産名称", "管理部署", "媒体・保存先", "備考"),
                List.of(tag + "自部署の図面", department.code(), "紙", ""),
                List.of(tag + "他部署の図面", directory.department(otherDept).code(), "紙", "")));
        ImportPreview preview = upload(manager, "mine.csv", file, null, null);
        assertThat(preview.toCreate()).isEqualTo(1);
        assertThat(preview.errorCount()).isEqualTo(1);
        assertThat(findings(manager, preview)).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(3);
            assertThat(f.column()).isEqualTo(1);
            assertThat(f.messageKey()).isEqualTo("inventory.asset.departmentOutOfScope");
        });
        assertThatThrownBy(() -> as(manager, () -> imports.apply(preview.id()))).isInstanceOf(InvalidInputException.class);
        assertThat(imported(chief)).isEmpty();
        assertThatThrownBy(() -> upload(manager, "mine.csv", file, otherDept, null)).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> as(chief, () -> imports.find(preview.id())))
                .isInstanceOf(dev.mamori.platform.NotFoundException.class);
    }

    @Test
    void rowsWithoutADepartmentGoToTheChosenDepartmentAndEmployeesMayNotImport() {
        byte[] file = RegisterFiles.utf8(List.of(List.of("情報資産名称", "媒体・保存先", "管理責任者"),
                List.of(tag + "工程表", "紙", as(chief, () -> directory.person(manager.personId()).employeeNumber()))));
        ImportPreview preview = upload(manager, "plain.csv", file, dept, ColumnMapping.byHeader(Map.of(
                "情報資産名称", ImportField.NAME, "媒体・保存先", ImportField.FORMS, "管理責任者", ImportField.RESPONSIBLE)));
        assertThat(preview.errorCount()).isZero();
        as(manager, () -> imports.apply(preview.id()));
        assertThat(named("工程表").departmentId()).isEqualTo(dept);
        MamoriUserDetails employee = reg.employee(dept);
        assertThatThrownBy(() -> upload(employee, "plain.csv", file, null, null)).isInstanceOf(AccessRefusedException.class);
    }
}
