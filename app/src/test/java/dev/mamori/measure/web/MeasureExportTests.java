package dev.mamori.measure.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The selection and coverage leave Mamori as an XLSX workbook (opened here with POI and once with LibreOffice)
 * and a PDF report with a heatmap per level, for the reading roles only.
 */
@MamoriTest
class MeasureExportTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Measures measures;
    @Autowired Ledger ledger;

    MamoriUserDetails chief;
    String title;

    @BeforeEach
    void setUp() {
        chief = users.create(Role.CHIEF_OFFICER);
        title = Register.unique("持出し検査");
        MeasureView m = Register.as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.OUTSIDER,
                Purpose.HARDER_TO_TAKE_OUT, title, null)));
        Register.as(chief, () -> measures.select(new SelectionDraft(m.id(), List.of("CONFIDENTIAL"), null,
                SelectionStatus.IN_OPERATION, null, null, null, null)));
    }

    byte[] workbook() throws Exception {
        return mvc.perform(get("/measures/export/selection.xlsx").with(as(chief))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theWorkbookListsTheSelectionsAndColoursTheHeatmapOfEveryLevel() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook()))) {
            DataFormatter f = new DataFormatter();
            var selections = wb.getSheetAt(0);
            assertThat(f.formatCellValue(selections.getRow(0).getCell(0))).isEqualTo("番号");
            boolean found = false;
            for (Row row : selections) {
                if (title.equals(f.formatCellValue(row.getCell(3)))) {
                    found = true;
                    assertThat(f.formatCellValue(row.getCell(5))).isEqualTo("運用中");
                    assertThat(f.formatCellValue(row.getCell(4))).contains("CONFIDENTIAL");
                }
            }
            assertThat(found).isTrue();
            var coverage = wb.getSheet("網羅 CONFIDENTIAL");
            assertThat(coverage).isNotNull();
            var cell = coverage.getRow(3 + Route.OUTSIDER.ordinal()).getCell(Purpose.HARDER_TO_TAKE_OUT.number());
            assertThat(f.formatCellValue(cell)).matches("[1-9][0-9]* / [1-9][0-9]*");
            assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        }
        assertThat(ledger.search(new LedgerQuery(null, null, null, "measure.report.exported", null, null), 0, 5)
                .entries()).isNotEmpty();
    }

    @Test
    void libreOfficeOpensTheWorkbook(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("measures.xlsx");
        Files.write(xlsx, workbook());
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
                dir.resolve("out").toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        Path csv = dir.resolve("out/measures.csv");
        assertThat(csv).as(Files.readString(dir.resolve("soffice.log"))).exists();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("番号").contains(title).contains("運用中");
    }

    @Test
    void theCoverageReportDrawsEveryLevelWithTheAttribution() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/measures/export/coverage.pdf").with(as(chief))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("情報漏えい対策の選定と網羅状況").contains("(CONFIDENTIAL)").contains("(TOP_SECRET)")
                    .contains("秘密情報の保護ハンドブック");
        }
    }

    @Test
    void onlyReadingRolesMayExport() throws Exception {
        mvc.perform(get("/api/v1/measures/export/selection.xlsx")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/measures/export/coverage.pdf").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/measures/export/selection.xlsx").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/measures/export/coverage.pdf").with(as(users.create(Role.AUDITOR)))).andExpect(status().isOk());
    }
}
