package dev.mamori.measure.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.Coverage;
import dev.mamori.measure.MeasureExports;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.Selection;
import dev.mamori.platform.pdf.PdfFonts;
import dev.mamori.platform.pdf.PdfReport;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * Writes the workbook (POI; small data, so the whole workbook in memory) and the coverage report (platform's
 * PdfReport with a shaded grid per level: the share of applicable cells' measures in place). Reads go through
 * {@link Measures}, so its access checks apply.
 */
@Service
class MeasureReports implements MeasureExports {

    private final Measures measures;
    private final Policy policy;
    private final MessageSource messages;
    private final Ledger ledger;
    private final String font;

    MeasureReports(Measures measures, Policy policy, MessageSource messages, Ledger ledger,
                   @Value("${mamori.documents.font:}") String font) {
        this.measures = measures;
        this.policy = policy;
        this.messages = messages;
        this.ledger = ledger;
        this.font = font;
    }

    @Override
    @Transactional
    public byte[] workbook(Locale locale) {
        List<Selection> selections = measures.selections(null);
        List<Coverage> coverages = policy.levels().stream().map(l -> measures.coverage(l.code())).toList();
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(t("measure.export.sheetSelections", locale));
            header(sheet.createRow(0), List.of(t("measure.export.code", locale), t("measure.route", locale),
                    t("measure.purpose", locale), t("measure.export.measure", locale), t("measure.selection.levels", locale),
                    t("measure.selection.status", locale), t("measure.export.reason", locale),
                    t("measure.selection.owner", locale), t("measure.selection.due", locale),
                    t("measure.selection.nextReview", locale), t("measure.export.evidence", locale)));
            int r = 1;
            for (Selection s : selections) {
                Row row = sheet.createRow(r++);
                cells(row, List.of(nz(s.measure().code()), t(s.measure().route().messageKey(), locale),
                        t(s.measure().purpose().messageKey(), locale), s.measure().title(locale), String.join(", ", s.levelCodes()),
                        t(s.status().messageKey(), locale), nz(s.statusReason()), nz(s.ownerName()),
                        s.dueDate() == null ? "" : s.dueDate().toString(),
                        s.nextReview() == null ? "" : s.nextReview().toString(), String.valueOf(s.evidence().size())));
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < 11; i++) {
                sheet.setColumnWidth(i, i == 3 ? 60 * 256 : 16 * 256);
            }
            Map<String, CellStyle> fills = fills(wb);
            for (Coverage c : coverages) {
                coverageSheet(wb, c, fills, locale);
            }
            wb.write(out);
            ledger.record("measure.report.exported", Subject.of("measure-report", "workbook"),
                    Map.of("format", "XLSX", "selections", selections.size()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void coverageSheet(Workbook wb, Coverage c, Map<String, CellStyle> fills, Locale locale) {
        String name = (t("measure.export.sheetCoverage", locale) + " " + c.levelCode()).replaceAll("[\\\\/?*\\[\\]:]", "_");
        Sheet sheet = wb.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
        cells(sheet.createRow(0), List.of(t("measure.level", locale), c.levelName() + " (" + c.levelCode() + ")"));
        List<String> head = new ArrayList<>();
        head.add(t("measure.route", locale));
        for (Purpose p : Purpose.values()) {
            head.add(t(p.messageKey(), locale));
        }
        header(sheet.createRow(2), head);
        int r = 3;
        for (Route route : Route.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(t(route.messageKey(), locale));
            for (Purpose p : Purpose.values()) {
                Coverage.Cell cell = c.cell(route, p);
                var x = row.createCell(p.number());
                x.setCellValue(cellText(cell, locale));
                x.setCellStyle(fills.get(heat(cell)));
            }
        }
        r++;
        sheet.createRow(r++).createCell(0).setCellValue(t("measure.coverage.gaps", locale));
        for (Coverage.Gap g : c.gaps()) {
            cells(sheet.createRow(r++), List.of(String.valueOf(g.priority()), t(g.route().messageKey(), locale),
                    t(g.purpose().messageKey(), locale), t("measure.gap." + g.kind(), locale)));
        }
        r++;
        sheet.createRow(r++).createCell(0).setCellValue(t("measure.coverage.findings", locale));
        for (Coverage.Finding f : c.findings()) {
            cells(sheet.createRow(r++), List.of(t("measure.severity." + f.severity(), locale), findingText(f, locale)));
        }
        for (int i = 0; i < 6; i++) {
            sheet.setColumnWidth(i, 22 * 256);
        }
    }

    @Override
    @Transactional
    public byte[] coverageReport(Locale locale) {
        List<Level> levels = policy.levels();
        PdfReport pdf = PdfReport.create(t("measure.export.reportTitle", locale), "Mamori", PdfFonts.locate(font));
        pdf.title(t("measure.export.reportTitle", locale));
        pdf.paragraph(t("measure.export.reportIntro", locale));
        List<String> columns = List.of(Purpose.values()).stream().map(p -> t(p.messageKey(), locale)).toList();
        List<String> rows = List.of(Route.values()).stream().map(r -> t(r.messageKey(), locale)).toList();
        for (Level level : levels) {
            Coverage c = measures.coverage(level.code());
            pdf.heading(c.levelName() + " (" + c.levelCode() + ")");
            String[][] labels = new String[rows.size()][columns.size()];
            float[][] shades = new float[rows.size()][columns.size()];
            for (Route route : Route.values()) {
                for (Purpose p : Purpose.values()) {
                    Coverage.Cell cell = c.cell(route, p);
                    labels[route.ordinal()][p.number() - 1] = cellText(cell, locale);
                    shades[route.ordinal()][p.number() - 1] = !cell.applicable() ? -1f
                            : cell.selected() == 0 ? 0f : 0.25f + 0.75f * cell.inPlace() / cell.selected();
                }
            }
            pdf.grid(columns, rows, labels, shades);
            pdf.note(t("measure.export.legend", locale));
            if (!c.findings().isEmpty()) {
                pdf.table(new float[] {1, 6}, List.of(t("measure.export.severity", locale), t("measure.coverage.findings", locale)),
                        c.findings().stream().map(f -> List.of(t("measure.severity." + f.severity(), locale),
                                findingText(f, locale))).toList());
            }
            if (!c.gaps().isEmpty()) {
                pdf.table(new float[] {0.6f, 2, 2, 2}, List.of("#", t("measure.route", locale), t("measure.purpose", locale),
                        t("measure.coverage.gap", locale)), c.gaps().stream().map(g -> List.of(String.valueOf(g.priority()),
                        t(g.route().messageKey(), locale), t(g.purpose().messageKey(), locale),
                        t("measure.gap." + g.kind(), locale))).toList());
            }
        }
        pdf.note(measures.currentCatalog().attribution());
        byte[] bytes = pdf.finish("Mamori — " + t("measure.export.reportTitle", locale) + " — "
                + measures.currentCatalog().attribution());
        ledger.record("measure.report.exported", Subject.of("measure-report", "coverage"),
                Map.of("format", "PDF", "levels", levels.stream().map(Level::code).collect(Collectors.toList())));
        return bytes;
    }

    // ---------------------------------------------------------------- helpers

    private String cellText(Coverage.Cell cell, Locale locale) {
        return cell.applicable() ? messages.getMessage("measure.coverage.cell", new Object[] {cell.inPlace(), cell.selected()},
                locale) : t("measure.coverage.notApplicable", locale);
    }

    private static String heat(Coverage.Cell cell) {
        return !cell.applicable() ? "na" : cell.selected() == 0 ? "none" : cell.inPlace() == 0 ? "selected" : "inPlace";
    }

    private static Map<String, CellStyle> fills(Workbook wb) {
        return Map.of("na", fill(wb, IndexedColors.GREY_25_PERCENT), "none", fill(wb, IndexedColors.ROSE),
                "selected", fill(wb, IndexedColors.LIGHT_YELLOW), "inPlace", fill(wb, IndexedColors.LIGHT_GREEN));
    }

    private static CellStyle fill(Workbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private String findingText(Coverage.Finding f, Locale locale) {
        List<Object> args = new ArrayList<>();
        args.add(t(f.route().messageKey(), locale));
        args.addAll(f.args());
        return messages.getMessage(f.messageKey(), args.toArray(), locale);
    }

    private static void header(Row row, List<String> values) {
        cells(row, values);
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
