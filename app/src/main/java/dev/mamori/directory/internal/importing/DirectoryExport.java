package dev.mamori.directory.internal.importing;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.tabular.ExportFormat;
import dev.mamori.platform.tabular.TableWriter;

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
        try (TableWriter table = TableWriter.open(format, out, "people")) {
            table.row(ImportKind.PEOPLE.columns().stream().map(Column::header).toList());
            directory.forEachVisiblePerson(PAGE, page -> page.forEach(p -> table.row(personRow(p))));
        }
    }

    @Transactional(readOnly = true)
    public void exportDepartments(ExportFormat format, OutputStream out) {
        List<DepartmentView> all = directory.listDepartments();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(d -> codes.put(d.id(), d.code()));
        try (TableWriter table = TableWriter.open(format, out, "departments")) {
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
}
