package dev.mamori.directory.internal.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.internal.Change;
import dev.mamori.directory.internal.DepartmentChanges;
import dev.mamori.directory.internal.DepartmentRepository;
import dev.mamori.directory.internal.PersonRepository;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.tabular.Dates;
import dev.mamori.platform.tabular.TableReader;
import dev.mamori.platform.tabular.ImportProperties;

/**
 * Imports departments. A company has hundreds of departments, not hundreds of thousands, so the
 * whole file is held while it is checked: parents may come after their children in the file, and
 * the tree the file would produce is checked as a whole (unknown parents, cycles, active departments
 * under abolished ones). Departments absent from the file are left alone; an abolished department is
 * never brought back.
 */
@Component
class DepartmentsImport {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Directory directory;
    private final ImportProperties properties;

    DepartmentsImport(DepartmentRepository departments, PersonRepository people, Ledger ledger,
                      ApplicationEventPublisher events, Directory directory, ImportProperties properties) {
        this.departments = departments;
        this.people = people;
        this.ledger = ledger;
        this.events = events;
        this.directory = directory;
        this.properties = properties;
    }

    private record Row(int number, String code, String nameJa, String nameEn, String parentCode, boolean hasParent,
                       Boolean active, LocalDate abolishedOn) {
    }

    Tally run(Path file, TableReader.Format format, Charset charset, boolean write) {
        Tally tally = new Tally(properties.keptFindings());
        Map<String, Row> rows = new LinkedHashMap<>();
        Header header = DataRows.read(file, format, charset, ImportKind.DEPARTMENTS, tally, (number, cells, h) -> {
            Row row = parse(number, cells, h, tally);
            if (row == null) {
                return;
            }
            Row first = rows.putIfAbsent(row.code(), row);
            if (first != null) {
                tally.error(Finding.error(number, row.code(), Column.CODE, "directory.import.duplicateKey",
                        row.code(), first.number()));
            }
        });
        if (header == null) {
            tally.error(Finding.error(1, null, null, "directory.import.empty"));
            return tally;
        }
        plan(rows, tally, write);
        return tally;
    }

    private Row parse(int number, List<String> cells, Header h, Tally tally) {
        int errorsBefore = tally.errorCount;
        String code = h.code(cells, Column.CODE);
        if (code == null) {
            tally.error(Finding.error(number, null, Column.CODE, "directory.import.codeRequired"));
        } else if (!CODE.matcher(code).matches()) {
            tally.error(Finding.error(number, code, Column.CODE, "directory.department.codeInvalid"));
        }
        String nameJa = h.text(cells, Column.NAME_JA);
        if (nameJa == null) {
            tally.error(Finding.error(number, code, Column.NAME_JA, "directory.department.nameRequired"));
        }
        Boolean active = null;
        String statusText = h.text(cells, Column.DEPARTMENT_STATUS);
        if (statusText != null) {
            active = switch (Column.normalise(statusText)) {
                case "有効", "active", "true", "1" -> Boolean.TRUE;
                case "廃止", "abolished", "inactive", "false", "0" -> Boolean.FALSE;
                default -> null;
            };
            if (active == null) {
                tally.error(Finding.error(number, code, Column.DEPARTMENT_STATUS,
                        "directory.import.departmentStatusUnknown", statusText));
            }
        }
        LocalDate abolishedOn = null;
        String abolishedText = h.text(cells, Column.ABOLISHED_ON);
        try {
            abolishedOn = Dates.parse(abolishedText);
        } catch (DateTimeException | NumberFormatException e) {
            tally.error(Finding.error(number, code, Column.ABOLISHED_ON, "directory.import.dateInvalid", abolishedText));
        }
        if (active == null && abolishedOn != null) {
            active = Boolean.FALSE;
        }
        if (tally.errorCount > errorsBefore) {
            return null;
        }
        return new Row(number, code, nameJa, h.text(cells, Column.NAME_EN), h.code(cells, Column.PARENT),
                h.has(Column.PARENT), active, abolishedOn);
    }

    private void plan(Map<String, Row> rows, Tally tally, boolean write) {
        Map<String, DepartmentView> existing = new HashMap<>();
        departments.findAll().forEach(d -> existing.put(d.code(), d));
        Map<Long, String> codeOfId = new HashMap<>();
        existing.values().forEach(d -> codeOfId.put(d.id(), d.code()));

        // the tree after the import: parent code and activity of every department, by code
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Boolean> activeAfter = new HashMap<>();
        for (DepartmentView d : existing.values()) {
            parentOf.put(d.code(), d.parentId() == null ? null : codeOfId.get(d.parentId()));
            activeAfter.put(d.code(), d.active());
        }
        for (Row r : rows.values()) {
            DepartmentView before = existing.get(r.code());
            parentOf.put(r.code(), r.hasParent() ? r.parentCode() : before == null ? null : parentOf.get(r.code()));
            activeAfter.put(r.code(), r.active() != null ? r.active() : before == null || before.active());
        }
        LocalDate today = directory.today();
        for (Row r : rows.values()) {
            DepartmentView before = existing.get(r.code());
            String parent = parentOf.get(r.code());
            boolean active = activeAfter.get(r.code());
            if (parent != null && !parentOf.containsKey(parent)) {
                tally.error(Finding.error(r.number(), r.code(), Column.PARENT, "directory.import.parentUnknown", parent));
                continue;
            }
            if (cycles(r.code(), parentOf)) {
                tally.error(Finding.error(r.number(), r.code(), Column.PARENT, "directory.department.parentCycle"));
                continue;
            }
            if (active && parent != null && !activeAfter.get(parent)) {
                tally.error(Finding.error(r.number(), r.code(), Column.PARENT, "directory.department.parentAbolished"));
                continue;
            }
            if (before != null && !before.active() && active) {
                tally.error(Finding.error(r.number(), r.code(), Column.DEPARTMENT_STATUS, "directory.import.cannotReactivate"));
                continue;
            }
            if (!active && (before == null || before.active())) {
                boolean activeChildren = parentOf.entrySet().stream()
                        .anyMatch(e -> r.code().equals(e.getValue()) && activeAfter.get(e.getKey()));
                if (activeChildren) {
                    tally.error(Finding.error(r.number(), r.code(), Column.DEPARTMENT_STATUS,
                            "directory.department.hasActiveChildren"));
                    continue;
                }
                if (before != null && people.countCurrentMembers(before.id()) > 0) {
                    tally.error(Finding.error(r.number(), r.code(), Column.DEPARTMENT_STATUS, "directory.department.hasMembers"));
                    continue;
                }
            }
        }
        if (tally.errorCount > 0) {
            if (write) {
                throw new InvalidInputException("directory.import.errorsOnApply", tally.errorCount);
            }
            return;
        }

        // parents before children for creating and moving; children before parents for abolishing
        List<Row> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Row r : rows.values()) {
            place(r, rows, placed, ordered);
        }
        Map<String, Long> idOf = new HashMap<>();
        existing.values().forEach(d -> idOf.put(d.code(), d.id()));
        List<Change> changes = new ArrayList<>();
        List<Change> abolitions = new ArrayList<>();
        List<Row> abolitionRows = new ArrayList<>();
        for (Row r : ordered) {
            DepartmentView before = existing.get(r.code());
            String parent = parentOf.get(r.code());
            Long parentId = parent == null ? null : idOf.getOrDefault(parent, -1L);
            String nameEn = r.nameEn() != null ? r.nameEn() : before == null ? null : before.nameEn();
            DepartmentDraft draft = new DepartmentDraft(r.code(), r.nameJa(), nameEn, parentId);
            Change change;
            if (before == null) {
                long id = write ? departments.insert(draft) : -1L;
                idOf.put(r.code(), id);
                change = DepartmentChanges.created(id, draft);
                tally.toCreate++;
            } else if (DepartmentChanges.differs(before, draft)) {
                if (write) {
                    departments.update(before.id(), draft);
                }
                change = DepartmentChanges.updated(before, draft);
                tally.toChange++;
            } else {
                change = null;
            }
            boolean abolish = !activeAfter.get(r.code()) && (before == null || before.active());
            if (change == null && !abolish) {
                tally.unchanged++;
            } else if (change == null) {
                tally.toChange++;
            }
            if (change != null) {
                changes.add(change);
                tally.change(r.number(), r.code(), change);
            }
            if (abolish) {
                abolitionRows.add(0, r);
            }
        }
        for (Row r : abolitionRows) {
            long id = idOf.get(r.code());
            LocalDate on = r.abolishedOn() != null ? r.abolishedOn() : today;
            if (write) {
                departments.abolish(id, on);
            }
            Change change = DepartmentChanges.abolished(id, r.code(), on);
            abolitions.add(change);
            tally.change(r.number(), r.code(), change);
        }
        changes.addAll(abolitions);
        if (write) {
            List<AuditRecord> records = changes.stream().map(Change::record).toList();
            ledger.recordAll(records);
            changes.forEach(c -> events.publishEvent(c.event()));
        }
    }

    private static void place(Row r, Map<String, Row> rows, Set<String> placed, List<Row> ordered) {
        if (!placed.add(r.code())) {
            return;
        }
        Row parent = r.parentCode() == null ? null : rows.get(r.parentCode());
        if (parent != null) {
            place(parent, rows, placed, ordered);
        }
        ordered.add(r);
    }

    private static boolean cycles(String code, Map<String, String> parentOf) {
        Set<String> visited = new HashSet<>();
        String current = code;
        while (current != null) {
            if (!visited.add(current)) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }
}
