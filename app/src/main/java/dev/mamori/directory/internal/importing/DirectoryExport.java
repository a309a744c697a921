package dev.mamori.directory.internal.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;

/**
 * Exports people and departments with the same columns as imports take, so that an export imports
 * back unchanged. People are read a page at a time within the viewer's scope (the same scope as the
 * people search: organisation-wide roles see everyone, a 管理責任者 their departments and those below)
 * and written as they come; XLSX is written with POI's streaming SXSSF workbook.
 */
@Service
public class DirectoryExport {

    private static final int PAGE = 1000;

    private final Directory directory;

    DirectoryExport(Directory directory) {
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public void exportPeople(ExportFormat format, OutputStream out) {
        try (Table table = Table.open(format, out, "people")) {
            table.row(ImportKind.PEOPLE.columns().stream().map(Column::header).toList());
            directory.forEachVisiblePerson(PAGE, page -> page.forEach(p -> table.row(personRow(p))));
        }
    }

    @Transactional(readOnly = true)
    public void exportDepartments(ExportFormat format, OutputStream out) {
        List<DepartmentView> all = directory.listDepartments();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(d -> codes.put(d.id(), d.code()));
        try (Table table = Table.open(format, out, "departments")) {
            table.row(ImportKind.DEPARTMENTS.columns().stream().map(Column::header).toList());
            for (DepartmentView d : all) {
                table.row(List.of(d.code(), d.nameJa(), text(d.nameEn()), d.parentId() == null ? "" : codes.get(d.parentId()),
                        d.active() ? "有効" : "廃止", date(d.abolishedOn())));
            }
        }
    }

    private static List<String> personRow(PersonView p) {
        List<String> additional = new ArrayList<>();
        p.departments().stream().filter(d -> !d.primary()).forEach(d -> additional.add(d.code()));
        return List.of(p.employeeNumber(), text(p.name()), text(p.nameKana()), text(p.email()),
                p.primaryDepartment() == null ? "" : p.primaryDepartment().code(), String.join(";", additional),
                text(p.position()), p.employmentType().japanese(), text(p.employer()), p.status().japanese(),
                date(p.joinedOn()), date(p.leaveFrom()), date(p.noticeDate()), date(p.lastWorkingDay()), date(p.leftOn()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** Rows out to CSV or XLSX. */
    private interface Table extends AutoCloseable {
        void row(List<String> cells);

        @Override
        void close();

        static Table open(ExportFormat format, OutputStream out, String sheetName) {
            return format == ExportFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(format, out);
        }
    }

    private static final class Csv implements Table {
        private final CSVPrinter printer;

        Csv(ExportFormat format, OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, format.charset().newEncoder()
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE));
                if (format == ExportFormat.CSV_UTF8) {
                    writer.write('\uFEFF');
                }
                printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<String> cells) {
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx implements Table {
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final OutputStream out;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(sheetName);
        }

        @Override
        public void row(List<String> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(cells.get(i));
            }
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
