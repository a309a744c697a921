package dev.mamori.directory.internal.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.directory.internal.Change;
import dev.mamori.directory.internal.DepartmentRepository;
import dev.mamori.directory.internal.LifecycleState;
import dev.mamori.directory.internal.PersonChanges;
import dev.mamori.directory.internal.PersonRepository;
import dev.mamori.directory.internal.PersonRepository.PersonWrite;
import dev.mamori.directory.internal.PersonRules;
import dev.mamori.directory.internal.Violation;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.tabular.Dates;
import dev.mamori.platform.tabular.TableReader;
import dev.mamori.platform.tabular.ImportProperties;

/**
 * Imports people from an HR file, streaming: rows are parsed and checked as they are read, then
 * planned and (when applying) written a chunk at a time — one query for the chunk's existing people,
 * batch inserts and updates, one batch of ledger entries. Only the 社員番号 seen so far (to find
 * duplicates) grow with the file.
 * <p>
 * Columns absent from the file leave the corresponding data alone; when none of the lifecycle
 * columns (在籍状況 and its dates) is present, existing people keep their lifecycle. A blank 在籍状況
 * is derived from the dates given (退職日 → 退職済, 最終出勤日 or 退職申出日 → 退職予定, 休職開始日 → 休職,
 * a future 入社日 → 入社予定, otherwise 在職).
 */
@Component
class PeopleImport {

    private static final List<Column> LIFECYCLE_COLUMNS = List.of(Column.STATUS, Column.LEAVE_FROM, Column.NOTICE_DATE,
            Column.LAST_WORKING_DAY, Column.LEFT_ON);

    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Directory directory;
    private final ImportProperties properties;

    PeopleImport(PersonRepository people, DepartmentRepository departments, Ledger ledger,
                 ApplicationEventPublisher events, Directory directory, ImportProperties properties) {
        this.people = people;
        this.departments = departments;
        this.ledger = ledger;
        this.events = events;
        this.directory = directory;
        this.properties = properties;
    }

    /** A row as read, its values parsed. */
    private record Row(int number, String employeeNumber, String name, String nameKana, String email, String position,
                       EmploymentType employmentType, String employer, String primaryCode, List<String> additionalCodes,
                       PersonStatus status, LocalDate joinedOn, LocalDate leaveFrom, LocalDate noticeDate,
                       LocalDate lastWorkingDay, LocalDate leftOn) {
    }

    /** What applying a row does. */
    private record Plan(Row row, boolean create, PersonWrite write, boolean transferred, List<Change> changes) {
    }

    /**
     * Reads the file and plans every row. With {@code write} the plans are carried out chunk by
     * chunk, and the first error refuses the whole run (the caller's transaction rolls back).
     */
    Tally run(Path file, TableReader.Format format, Charset charset, boolean write) {
        Tally tally = new Tally(properties.keptFindings());
        Map<String, DepartmentView> byCode = new HashMap<>();
        departments.findAll().forEach(d -> byCode.put(d.code(), d));
        Map<String, Integer> seen = new HashMap<>();
        List<Row> chunk = new ArrayList<>(properties.chunkSize());
        LocalDate today = directory.today();
        Header header = DataRows.read(file, format, charset, ImportKind.PEOPLE, tally, (number, cells, h) -> {
            Row row = parse(number, cells, h, tally);
            if (row == null) {
                return;
            }
            Integer first = seen.putIfAbsent(row.employeeNumber(), number);
            if (first != null) {
                tally.error(Finding.error(number, row.employeeNumber(), Column.EMPLOYEE_NUMBER,
                        "directory.import.duplicateKey", row.employeeNumber(), first));
                return;
            }
            chunk.add(row);
            if (chunk.size() >= properties.chunkSize()) {
                process(chunk, h, byCode, today, tally, write);
                chunk.clear();
            }
        });
        if (header == null) {
            tally.error(Finding.error(1, null, null, "directory.import.empty"));
        } else if (!chunk.isEmpty()) {
            process(chunk, header, byCode, today, tally, write);
        }
        if (write && tally.errorCount > 0) {
            throw new InvalidInputException("directory.import.errorsOnApply", tally.errorCount);
        }
        return tally;
    }

    private void process(List<Row> chunk, Header header, Map<String, DepartmentView> byCode, LocalDate today,
                         Tally tally, boolean write) {
        Map<String, PersonView> existing = people.findByEmployeeNumbers(chunk.stream().map(Row::employeeNumber).toList());
        int newPeople = (int) chunk.stream().filter(r -> !existing.containsKey(r.employeeNumber())).count();
        List<Long> ids = write ? people.reserveIds(newPeople) : null;
        int nextId = 0;
        List<Plan> plans = new ArrayList<>(chunk.size());
        for (Row row : chunk) {
            PersonView before = existing.get(row.employeeNumber());
            long id = before != null ? before.id() : write ? ids.get(nextId++) : 0L;
            Plan plan = plan(row, before, id, header, byCode, today, tally);
            if (plan == null) {
                continue;
            }
            plans.add(plan);
            if (plan.create()) {
                tally.toCreate++;
            } else if (plan.changes().isEmpty()) {
                tally.unchanged++;
            } else {
                tally.toChange++;
            }
            plan.changes().forEach(c -> tally.change(row.number(), row.employeeNumber(), c));
        }
        if (!write) {
            return;
        }
        if (tally.errorCount > 0) {
            throw new InvalidInputException("directory.import.errorsOnApply", tally.errorCount);
        }
        List<PersonWrite> inserts = new ArrayList<>();
        List<PersonWrite> updates = new ArrayList<>();
        List<PersonWrite> transfers = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan.create()) {
                inserts.add(plan.write());
            } else if (!plan.changes().isEmpty()) {
                updates.add(plan.write());
                if (plan.transferred()) {
                    transfers.add(plan.write());
                }
            }
            plan.changes().forEach(c -> records.add(c.record()));
        }
        people.insertAll(inserts);
        people.updateAll(updates);
        people.replaceDepartmentsAll(transfers);
        ledger.recordAll(records);
        for (Plan plan : plans) {
            plan.changes().forEach(c -> events.publishEvent(c.event()));
        }
    }

    // ---------------------------------------------------------------- one row

    private Row parse(int number, List<String> cells, Header h, Tally tally) {
        int errorsBefore = tally.errorCount;
        String employeeNumber = h.code(cells, Column.EMPLOYEE_NUMBER);
        if (employeeNumber == null) {
            tally.error(Finding.error(number, null, Column.EMPLOYEE_NUMBER, "directory.person.employeeNumberRequired"));
        }
        EmploymentType type = null;
        String typeText = h.text(cells, Column.EMPLOYMENT_TYPE);
        if (typeText != null) {
            type = EmploymentType.parse(typeText).orElse(null);
            if (type == null) {
                tally.error(Finding.error(number, employeeNumber, Column.EMPLOYMENT_TYPE,
                        "directory.import.employmentTypeUnknown", typeText));
            }
        }
        PersonStatus status = null;
        String statusText = h.text(cells, Column.STATUS);
        if (statusText != null) {
            status = PersonStatus.parse(statusText).orElse(null);
            if (status == null) {
                tally.error(Finding.error(number, employeeNumber, Column.STATUS, "directory.import.statusUnknown", statusText));
            }
        }
        LocalDate[] dates = new LocalDate[5];
        Column[] dateColumns = {Column.JOINED_ON, Column.LEAVE_FROM, Column.NOTICE_DATE, Column.LAST_WORKING_DAY, Column.LEFT_ON};
        for (int i = 0; i < dateColumns.length; i++) {
            String text = h.text(cells, dateColumns[i]);
            try {
                dates[i] = Dates.parse(text);
            } catch (DateTimeException | NumberFormatException e) {
                tally.error(Finding.error(number, employeeNumber, dateColumns[i], "directory.import.dateInvalid", text));
            }
        }
        String additional = h.code(cells, Column.ADDITIONAL_DEPARTMENTS);
        List<String> additionalCodes = additional == null ? List.of()
                : Arrays.stream(additional.split("[;、,；，\\s]+")).filter(s -> !s.isBlank()).toList();
        if (tally.errorCount > errorsBefore) {
            return null;
        }
        return new Row(number, employeeNumber, h.text(cells, Column.NAME), h.text(cells, Column.NAME_KANA),
                h.text(cells, Column.EMAIL), h.text(cells, Column.POSITION), type, h.text(cells, Column.EMPLOYER),
                h.code(cells, Column.PRIMARY_DEPARTMENT), additionalCodes, status,
                dates[0], dates[1], dates[2], dates[3], dates[4]);
    }

    private Plan plan(Row r, PersonView before, long id, Header h, Map<String, DepartmentView> byCode, LocalDate today,
                      Tally tally) {
        int errorsBefore = tally.errorCount;
        Set<Long> held = new HashSet<>();
        if (before != null) {
            before.departments().forEach(d -> held.add(d.id()));
        }
        Long primaryId = department(r, r.primaryCode(), Column.PRIMARY_DEPARTMENT, byCode, held, tally);
        List<Long> additionalIds = new ArrayList<>();
        if (h.has(Column.ADDITIONAL_DEPARTMENTS) || before == null) {
            for (String code : r.additionalCodes()) {
                Long departmentId = department(r, code, Column.ADDITIONAL_DEPARTMENTS, byCode, held, tally);
                if (departmentId != null) {
                    additionalIds.add(departmentId);
                }
            }
        } else {
            before.departments().stream().filter(d -> !d.primary()).forEach(d -> additionalIds.add(d.id()));
        }
        PersonDraft draft = new PersonDraft(r.employeeNumber(), r.name(), r.nameKana(),
                keep(h, Column.EMAIL, r.email(), before == null ? null : before.email()),
                keep(h, Column.POSITION, r.position(), before == null ? null : before.position()),
                r.employmentType(),
                keep(h, Column.EMPLOYER, r.employer(), before == null ? null : before.employer()),
                primaryId, additionalIds,
                r.joinedOn() != null ? r.joinedOn() : before == null ? today : null);
        Set<Column> reported = new HashSet<>();
        for (Violation v : PersonRules.check(draft)) {
            Column column = switch (v.field()) {
                case "employeeNumber" -> Column.EMPLOYEE_NUMBER;
                case "name" -> Column.NAME;
                case "nameKana" -> Column.NAME_KANA;
                case "email" -> Column.EMAIL;
                case "employmentType" -> Column.EMPLOYMENT_TYPE;
                default -> Column.PRIMARY_DEPARTMENT;
            };
            if (column == Column.PRIMARY_DEPARTMENT && r.primaryCode() != null) {
                continue; // already reported as an unknown or abolished department
            }
            if (reported.add(column)) {
                tally.error(Finding.error(r.number(), r.employeeNumber(), column, v.messageKey(), v.args()));
            }
        }
        if (tally.errorCount > errorsBefore) {
            return null;
        }
        LifecyclePath.Person person = new LifecyclePath.Person(id, r.employeeNumber(), draft.employmentType(),
                draft.primaryDepartmentId());
        List<Change> changes = new ArrayList<>();
        LifecycleState start;
        if (before == null) {
            boolean prospective = r.status() == PersonStatus.PROSPECTIVE
                    || (r.status() == null && draft.joinedOn().isAfter(today) && derived(r) == PersonStatus.PROSPECTIVE);
            start = prospective ? LifecycleState.registered(draft.joinedOn()) : LifecycleState.joined(draft.joinedOn());
            changes.add(PersonChanges.registered(id, draft, start));
        } else {
            start = new LifecycleState(before.status(), before.joinedOn(), before.leaveFrom(), before.noticeDate(),
                    before.lastWorkingDay(), before.leftOn());
        }
        LifecycleState end = start;
        boolean lifecycleGiven = LIFECYCLE_COLUMNS.stream().anyMatch(h::has);
        if (lifecycleGiven || before == null) {
            PersonStatus wanted = r.status() != null ? r.status() : derived(r);
            LifecyclePath.Target target = new LifecyclePath.Target(wanted, draft.joinedOn(), r.leaveFrom(),
                    r.noticeDate(), r.lastWorkingDay(), r.leftOn());
            try {
                LifecyclePath.Result result = LifecyclePath.walk(person, start, target, today);
                end = result.state();
                changes.addAll(result.changes());
            } catch (LifecyclePath.Refused refused) {
                tally.error(Finding.error(r.number(), r.employeeNumber(), refused.column, refused.messageKey, refused.args));
                return null;
            }
        }
        boolean transferred = false;
        if (before != null) {
            PersonView afterLifecycle = new PersonView(before.id(), before.employeeNumber(), before.name(),
                    before.nameKana(), before.email(), before.position(), before.employmentType(), before.employer(),
                    end.status(), end.joinedOn(), end.leaveFrom(), end.noticeDate(), end.lastWorkingDay(), end.leftOn(),
                    before.departments(), before.version());
            changes.addAll(PersonChanges.updated(afterLifecycle, draft, today));
            transferred = PersonChanges.transferred(before, draft);
        }
        LifecycleState written = draft.joinedOn() == null || draft.joinedOn().equals(end.joinedOn()) ? end
                : new LifecycleState(end.status(), draft.joinedOn(), end.leaveFrom(), end.noticeDate(),
                        end.lastWorkingDay(), end.leftOn());
        return new Plan(r, before == null, new PersonWrite(id, draft, written, before == null ? 0 : before.version()),
                transferred, changes);
    }

    /** The status a row with a blank 在籍状況 is taken to mean, from its dates. */
    private PersonStatus derived(Row r) {
        if (r.leftOn() != null) {
            return PersonStatus.LEFT;
        }
        if (r.lastWorkingDay() != null || r.noticeDate() != null) {
            return PersonStatus.LEAVING;
        }
        if (r.leaveFrom() != null) {
            return PersonStatus.ON_LEAVE;
        }
        if (r.joinedOn() != null && r.joinedOn().isAfter(directory.today())) {
            return PersonStatus.PROSPECTIVE;
        }
        return PersonStatus.ACTIVE;
    }

    private Long department(Row r, String code, Column column, Map<String, DepartmentView> byCode, Set<Long> held,
                            Tally tally) {
        if (code == null) {
            return null;
        }
        DepartmentView d = byCode.get(code);
        if (d == null) {
            tally.error(Finding.error(r.number(), r.employeeNumber(), column, "directory.import.departmentUnknown", code));
            return null;
        }
        if (!d.active() && !held.contains(d.id())) {
            tally.error(Finding.error(r.number(), r.employeeNumber(), column,
                    "directory.department.abolishedCannotAssign", code));
            return null;
        }
        return d.id();
    }

    private static String keep(Header h, Column column, String value, String before) {
        return h.has(column) ? value : before;
    }
}
