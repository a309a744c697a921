package dev.mamori.inventory.internal.importing;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.inventory.internal.importing.RegisterFiles.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Exports of the register and the designation register: exactly the entries the caller's list shows
 * (an employee's export does not reveal 極秘 entries outside their access), a file LibreOffice opens, and
 * an export that imports back into another department as the same entries.
 */
@MamoriTest
class RegisterExportTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired RegisterImport imports;
    @Autowired TestUsers users;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    MamoriUserDetails member;
    MamoriUserDetails holder;
    MamoriUserDetails outsider;
    MamoriUserDetails chief;
    String tag;
    long plain;
    long confidential;
    long topSecret;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        long other = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        member = reg.employee(dept);
        holder = reg.employee(other);
        outsider = reg.employee(other);
        chief = reg.withRole(Role.CHIEF_OFFICER);
        tag = Register.unique("EX");
        plain = reg.asset(manager, dept, tag + " 工程表");
        confidential = reg.asset(manager, dept, tag + " 試験データ");
        topSecret = reg.asset(manager, dept, tag + " 新素材の配合比率");
        reg.designate(manager, confidential, "CONFIDENTIAL", AccessHolder.department(dept));
        reg.designate(manager, topSecret, "TOP_SECRET", AccessHolder.person(manager.personId()),
                AccessHolder.person(holder.personId()));
    }

    byte[] export(MamoriUserDetails user, String kind, String... params) throws Exception {
        var request = get("/api/v1/assets/export").param("kind", kind).param("format", "xlsx").param("q", tag)
                .header("Authorization", TestUsers.bearer(users.token(user)));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    static List<String> column(List<List<String>> rows, String header) {
        int i = rows.get(0).indexOf(header);
        return rows.stream().skip(1).map(r -> i < r.size() ? r.get(i) : "").toList();
    }

    @Test
    void anExportHoldsExactlyTheEntriesTheCallersListShows() throws Exception {
        assertThat(column(rows(export(member, "register")), "名称")).containsExactly(tag + " 試験データ");
        assertThat(column(rows(export(outsider, "register")), "名称")).isEmpty();
        assertThat(column(rows(export(holder, "register")), "名称")).containsExactly(tag + " 新素材の配合比率");
        assertThat(column(rows(export(manager, "register")), "名称"))
                .containsExactly(tag + " 工程表", tag + " 新素材の配合比率", tag + " 試験データ");
        assertThat(column(rows(export(manager, "register", "levelId", "TOP_SECRET")), "名称"))
                .containsExactly(tag + " 新素材の配合比率");
        MamoriUserDetails colleague = reg.manager(dept);
        assertThat(column(rows(export(colleague, "register")), "名称")).containsExactly(tag + " 工程表", tag + " 試験データ");
        assertThat(column(rows(export(member, "designation")), "名称")).containsExactly(tag + " 試験データ");
        assertThat(column(rows(export(outsider, "designation")), "名称")).isEmpty();
    }

    @Test
    void theDesignationRegisterListsLevelMarkingHoldersPeriodAndReason() throws Exception {
        List<List<String>> rows = rows(export(manager, "designation"));
        assertThat(rows.get(0)).containsExactly("番号", "名称", "管理部署コード", "管理部署名", "管理責任者", "分類", "表示",
                "アクセス権者", "秘密保持期間（期日）", "秘密保持期間（事由）", "指定日", "指定者", "指定理由");
        assertThat(column(rows, "名称")).containsExactly(tag + " 新素材の配合比率", tag + " 試験データ");
        List<String> top = rows.get(1);
        String holderName = as(chief, () -> directory.person(holder.personId()).name());
        assertThat(top.get(5)).isEqualTo("極秘");
        assertThat(top.get(6)).isEqualTo("極秘");
        assertThat(top.get(7)).contains("個人: ").contains(holderName);
        assertThat(top.get(9)).isEqualTo("特許出願の公開まで");
        assertThat(top.get(10)).isEqualTo(inventory.today().toString());
        assertThat(top.get(12)).isEqualTo("見直し");
        assertThat(rows.get(2).get(5)).isEqualTo("社外秘");
        assertThat(rows.get(2).get(7)).contains(directory.department(dept).nameJa());
    }

    @Test
    void libreOfficeOpensTheExport(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("register.xlsx");
        Files.write(xlsx, export(manager, "register"));
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
                dir.resolve("out").toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        Path csv = dir.resolve("out/register.csv");
        assertThat(csv).as(Files.readString(dir.resolve("soffice.log"))).exists();
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8)).getRecords();
        assertThat(records.get(0).get(1).replace("\uFEFF", "")).isEqualTo("名称");
        assertThat(records.get(0).toList()).contains("管理部署コード", "形態・保管場所", "機密性", "保存期限", "登録日");
        assertThat(records.stream().skip(1).map(r -> r.get(1)))
                .containsExactly(tag + " 工程表", tag + " 新素材の配合比率", tag + " 試験データ");
        assertThat(records.stream().skip(1).map(r -> r.get(29))).containsExactly("", "極秘", "社外秘");
        assertThat(records.get(1).get(9)).isEqualTo("文書等: 設計室キャビネット; 電子化情報: \\\\fs01\\design");
    }

    @Test
    void anExportImportsBackIntoAnotherDepartmentAsTheSameEntries() throws Exception {
        long source = reg.department(null);
        long target = reg.department(null);
        MamoriUserDetails sourceManager = users.manager(reg.person(source), source, target);
        long responsible = sourceManager.personId();
        reg.assignManager(source, responsible);
        String rt = Register.unique("RT");
        byte[] ipa = RegisterFiles.shiftJis(List.of(RegisterFiles.IPA_HEADER,
                List.of("人事", rt + " 給与台帳", "月次の給与計算", "人事課", directory.department(source).code(),
                        "紙（金庫）、給与システム", "氏名、口座番号、扶養家族の病歴", "3", "3", "2", "退職後7年", "2022/4/1")));
        as(chief, () -> imports.apply(as(chief, () -> imports.preview("ipa.csv", in(ipa), "auto", null, null)).id()));
        as(sourceManager, () -> inventory.register(new AssetDraft(rt + " A型ポンプの設計図面", "設計図一式\n改訂履歴を含む", source,
                responsible, AssetKind.TECHNICAL, AssetSubKind.DESIGN,
                List.of(new FormEntry(AssetForm.ELECTRONIC, "\\\\fs01\\design"), new FormEntry(AssetForm.OBJECT, null)),
                Origin.OWN, null, null, new LegalRegimes(true, false, false, null, false, true, false, null))));
        as(sourceManager, () -> inventory.register(new AssetDraft(rt + " 取引先別の見積単価表", null, source, responsible,
                AssetKind.BUSINESS, AssetSubKind.PRICING, List.of(new FormEntry(AssetForm.ELECTRONIC, "販売管理システム")),
                Origin.RECEIVED, "株式会社サンプル", "秘密保持契約 第3条",
                new LegalRegimes(false, true, true, 1200, false, false, true, "株式会社サンプル"))));

        byte[] exported = mvc.perform(get("/api/v1/assets/export").param("kind", "register").param("q", rt)
                        .param("departmentId", String.valueOf(source))
                        .header("Authorization", TestUsers.bearer(users.token(chief))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] moved = withDepartment(exported, directory.department(target).code());
        ImportPreview preview = as(chief, () -> imports.preview("export.xlsx", in(moved), null, null, null));
        assertThat(preview.layout()).isEqualTo(Layout.MAMORI);
        assertThat(preview.errorCount()).as(() -> as(chief, () -> imports.findings(preview.id(), null, 0, 50)).toString())
                .isZero();
        assertThat(preview.toCreate()).isEqualTo(3);
        as(chief, () -> imports.apply(preview.id()));

        List<AssetView> originals = entries(rt, source);
        List<AssetView> copies = entries(rt, target);
        assertThat(copies).hasSize(3);
        for (int i = 0; i < 3; i++) {
            AssetView o = originals.get(i);
            AssetView c = copies.get(i);
            assertThat(c.toDraft()).isEqualTo(new AssetDraft(o.name(), o.description(), target, o.responsiblePersonId(),
                    o.kind(), o.subKind(), o.forms(), o.origin(), o.originParty(), o.originDuty(), o.regimes()));
            assertThat(as(chief, () -> inventory.importedFacts(c.id())))
                    .isEqualTo(as(chief, () -> inventory.importedFacts(o.id())));
        }
        AssetView payroll = copies.stream().filter(c -> c.name().endsWith("給与台帳")).findFirst().orElseThrow();
        assertThat(as(chief, () -> inventory.importedFacts(payroll.id()))).satisfies(f -> {
            assertThat(f.registeredOn()).isEqualTo(LocalDate.of(2022, 4, 1));
            assertThat(f.retention()).isEqualTo("退職後7年");
            assertThat(f.confidentiality()).isEqualTo(3);
        });
        assertThat(payroll.regimes().sensitivePersonalInfo()).isTrue();
    }

    List<AssetView> entries(String name, long department) {
        return as(chief, () -> inventory.search(new AssetQuery(name, department, null, null, null, null, null), 0, 50))
                .assets().stream().sorted(Comparator.comparing(AssetView::name)).toList();
    }

    /** The workbook with every row's 管理部署コード replaced. */
    static byte[] withDepartment(byte[] xlsx, String code) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            int column = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals("管理部署コード")) {
                    column = cell.getColumnIndex();
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                row.removeCell(row.getCell(column)); // POI keeps the old inline string beside a new value
                row.createCell(column).setCellValue(code);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
