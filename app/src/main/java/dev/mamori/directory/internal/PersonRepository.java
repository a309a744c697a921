package dev.mamori.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonPage;
import dev.mamori.directory.PersonQuery;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.ConflictException;

/**
 * SQL for people and their departments. Searches apply a {@link Scope}.
 */
@Repository
public class PersonRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PersonRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(PersonDraft d, LifecycleState s) {
        long id = jdbc.sql("""
                        insert into directory.person (employee_number, name, name_kana, email, position, employment_type,
                            employer, status, joined_on, leave_from, notice_date, last_working_day, left_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.employeeNumber(), d.name(), d.nameKana(), d.email(), d.position(), d.employmentType().name(),
                        d.employer(), s.status().name(), date(s.joinedOn()), date(s.leaveFrom()), date(s.noticeDate()),
                        date(s.lastWorkingDay()), date(s.leftOn()))
                .query(Long.class).single();
        replaceDepartments(id, d.primaryDepartmentId(), d.allDepartmentIds());
        return id;
    }

    /** Updates the details; refuses with a conflict when someone else changed the person meanwhile. */
    public void updateDetails(long id, PersonDraft d, int expectedVersion) {
        int n = jdbc.sql("""
                        update directory.person set employee_number = ?, name = ?, name_kana = ?, email = ?, position = ?,
                            employment_type = ?, employer = ?, joined_on = coalesce(?, joined_on),
                            version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(d.employeeNumber(), d.name(), d.nameKana(), d.email(), d.position(), d.employmentType().name(),
                        d.employer(), date(d.joinedOn()), id, expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("directory.person.changedMeanwhile");
        }
    }

    public void updateLifecycle(long id, LifecycleState s) {
        jdbc.sql("""
                        update directory.person set status = ?, joined_on = ?, leave_from = ?, notice_date = ?,
                            last_working_day = ?, left_on = ?, version = version + 1, updated_at = now()
                        where id = ?""")
                .params(s.status().name(), date(s.joinedOn()), date(s.leaveFrom()), date(s.noticeDate()),
                        date(s.lastWorkingDay()), date(s.leftOn()), id)
                .update();
    }

    public void replaceDepartments(long personId, Long primaryId, List<Long> allIds) {
        jdbc.sql("delete from directory.person_department where person_id = ?").param(personId).update();
        for (Long departmentId : allIds) {
            jdbc.sql("insert into directory.person_department (person_id, department_id, is_primary) values (?, ?, ?)")
                    .params(personId, departmentId, departmentId.equals(primaryId)).update();
        }
    }

    public Optional<PersonView> findById(long id) {
        return views(jdbc.sql("select * from directory.person where id = ?").param(id).query(PersonRepository::row).list())
                .stream().findFirst();
    }

    /** The given people (those that exist) with their departments, in one query each, ordered by id. */
    public List<PersonView> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(jdbc.sql("select * from directory.person where id = any(?) order by id")
                .param(ids.toArray(Long[]::new)).query(PersonRepository::row).list());
    }

    /** Names of the given people, in one query. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from directory.person where id = any(?)").param(ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** Short references (id, 社員番号, name) of the given people, in one query. */
    public Map<Long, dev.mamori.directory.DepartmentView.PersonRef> refsOf(Collection<Long> ids) {
        Map<Long, dev.mamori.directory.DepartmentView.PersonRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        jdbc.sql("select id, employee_number, name from directory.person where id = any(?)").param(ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    refs.put(rs.getLong(1), new dev.mamori.directory.DepartmentView.PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        return refs;
    }

    public Optional<PersonView> findByEmployeeNumber(String employeeNumber) {
        return views(jdbc.sql("select * from directory.person where employee_number = ?").param(employeeNumber)
                .query(PersonRepository::row).list()).stream().findFirst();
    }

    /** People by 社員番号, for imports working in chunks. */
    public Map<String, PersonView> findByEmployeeNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, PersonView> result = new HashMap<>();
        for (PersonView p : views(jdbc.sql("select * from directory.person where employee_number = any(?)")
                .param(numbers.toArray(String[]::new)).query(PersonRepository::row).list())) {
            result.put(p.employeeNumber(), p);
        }
        return result;
    }

    public LifecycleState lifecycleOf(PersonView p) {
        return new LifecycleState(p.status(), p.joinedOn(), p.leaveFrom(), p.noticeDate(), p.lastWorkingDay(), p.leftOn());
    }

    public PersonPage search(PersonQuery q, Scope scope, List<Long> departmentFilter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            String text = Normalizer.normalize(q.text().strip(), Normalizer.Form.NFKC);
            String form = searchForm(q.text());
            // search_text holds 氏名 and ふりがな in the form of directory.search_form (see V2026_11_26_0200)
            where.append(" and (p.employee_number like ?");
            args.add(escapeLike(text) + "%");
            if (!form.isEmpty()) {
                where.append(" or strpos(p.search_text, ?) > 0");
                args.add(form);
            }
            where.append(")");
        }
        if (q.status() != null) {
            where.append(" and p.status = ?");
            args.add(q.status().name());
        }
        if (q.employmentType() != null) {
            where.append(" and p.employment_type = ?");
            args.add(q.employmentType().name());
        }
        if (departmentFilter != null) {
            where.append(" and exists (select 1 from directory.person_department f where f.person_id = p.id and f.department_id = any(?))");
            args.add(departmentFilter.toArray(Long[]::new));
        }
        if (!scope.everyone()) {
            where.append(" and (p.id = ? or exists (select 1 from directory.person_department s where s.person_id = p.id and s.department_id = any(?)))");
            args.add(scope.selfPersonId() == null ? -1L : scope.selfPersonId());
            args.add(scope.departmentIds().toArray(Long[]::new));
        }
        long total = template.queryForObject("select count(*) from directory.person p" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<PersonView> rows = total <= (long) page * size ? List.of() : template.query("select p.* from directory.person p"
                + where + " order by p.employee_number limit ? offset ?", PersonRepository::row, pageArgs.toArray());
        return new PersonPage(views(rows), page, size, total);
    }

    /**
     * The query text in the comparable form of {@code directory.search_form}: NFKC, no spaces, ASCII
     * lower case, katakana as hiragana.
     */
    static String searchForm(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> {
            if (c == ' ') {
                return;
            }
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (c >= 0x30A1 && c <= 0x30F6) {
                out.append((char) (c - 0x60));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    public Map<PersonStatus, Long> countByStatus(Scope scope) {
        Map<PersonStatus, Long> result = new LinkedHashMap<>();
        for (PersonStatus s : PersonStatus.values()) {
            result.put(s, 0L);
        }
        String sql = "select status, count(*) from directory.person p";
        List<Object> args = new ArrayList<>();
        if (!scope.everyone()) {
            sql += " where (p.id = ? or exists (select 1 from directory.person_department s where s.person_id = p.id and s.department_id = any(?)))";
            args.add(scope.selfPersonId() == null ? -1L : scope.selfPersonId());
            args.add(scope.departmentIds().toArray(Long[]::new));
        }
        template.query(sql + " group by status", rs -> {
            result.put(PersonStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }, args.toArray());
        return result;
    }

    /** People not yet left who belong to the department (primary or additional). */
    public long countCurrentMembers(long departmentId) {
        return jdbc.sql("""
                select count(*) from directory.person_department pd join directory.person p on p.id = pd.person_id
                where pd.department_id = ? and p.status <> 'LEFT'""").param(departmentId).query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from directory.person").query(Long.class).single();
    }

    /** Adds the departments to rows read from {@code directory.person}. */
    List<PersonView> views(List<PersonView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<PersonView.DepartmentRef>> departments = new HashMap<>();
        jdbc.sql("""
                select pd.person_id, d.id, d.code, d.name_ja, d.name_en, pd.is_primary
                from directory.person_department pd join directory.department d on d.id = pd.department_id
                where pd.person_id = any(?) order by pd.person_id, pd.is_primary desc, d.code""")
                .param(rows.stream().map(PersonView::id).toArray(Long[]::new))
                .query(rs -> {
                    departments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PersonView.DepartmentRef(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                });
        return rows.stream().map(p -> new PersonView(p.id(), p.employeeNumber(), p.name(), p.nameKana(), p.email(),
                p.position(), p.employmentType(), p.employer(), p.status(), p.joinedOn(), p.leaveFrom(), p.noticeDate(),
                p.lastWorkingDay(), p.leftOn(), departments.getOrDefault(p.id(), List.of()), p.version())).toList();
    }

    static PersonView row(ResultSet rs, int i) throws SQLException {
        return new PersonView(rs.getLong("id"), rs.getString("employee_number"), rs.getString("name"),
                rs.getString("name_kana"), rs.getString("email"), rs.getString("position"),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("employer"),
                PersonStatus.valueOf(rs.getString("status")), local(rs, "joined_on"), local(rs, "leave_from"),
                local(rs, "notice_date"), local(rs, "last_working_day"), local(rs, "left_on"), List.of(),
                rs.getInt("version"));
    }

    private static LocalDate local(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---------------------------------------------------------------- batches (imports and exports)

    /** A person to insert or update in a batch: the id, the details, the lifecycle and (for updates) the version read. */
    public record PersonWrite(long id, PersonDraft draft, LifecycleState state, int expectedVersion) {
    }

    /** Takes {@code count} ids from the person id sequence, for rows inserted with {@link #insertAll}. */
    public List<Long> reserveIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('directory.person', 'id')) from generate_series(1, ?)")
                .param(count).query(Long.class).list();
    }

    /** Inserts people with reserved ids, and their departments, in two statements. */
    public void insertAll(List<PersonWrite> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Long[] ids = new Long[n];
        String[][] text = new String[13][n];
        for (int i = 0; i < n; i++) {
            PersonWrite w = rows.get(i);
            PersonDraft d = w.draft();
            LifecycleState s = w.state();
            ids[i] = w.id();
            String[] values = {d.employeeNumber(), d.name(), d.nameKana(), d.email(), d.position(),
                    d.employmentType().name(), d.employer(), s.status().name(), iso(s.joinedOn()), iso(s.leaveFrom()),
                    iso(s.noticeDate()), iso(s.lastWorkingDay()), iso(s.leftOn())};
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
        }
        jdbc.sql("""
                        insert into directory.person (id, employee_number, name, name_kana, email, position, employment_type,
                            employer, status, joined_on, leave_from, notice_date, last_working_day, left_on)
                        overriding system value
                        select id, en, nm, kana, email, pos, et, emp, st, jo::date, lf::date, nd::date, lwd::date, lo::date
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as t(id, en, nm, kana, email, pos, et, emp, st, jo, lf, nd, lwd, lo)""")
                .params(ids, text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7], text[8], text[9],
                        text[10], text[11], text[12])
                .update();
        insertDepartments(rows);
    }

    /**
     * Writes the details and lifecycle of people in one batch; refuses with a conflict when one of
     * them changed since it was read.
     */
    public void updateAll(List<PersonWrite> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (PersonWrite w : rows) {
            PersonDraft d = w.draft();
            LifecycleState s = w.state();
            args.add(new Object[] {d.employeeNumber(), d.name(), d.nameKana(), d.email(), d.position(),
                    d.employmentType().name(), d.employer(), s.status().name(), date(s.joinedOn()), date(s.leaveFrom()),
                    date(s.noticeDate()), date(s.lastWorkingDay()), date(s.leftOn()), w.id(), w.expectedVersion()});
        }
        int[] counts = template.batchUpdate("""
                update directory.person set employee_number = ?, name = ?, name_kana = ?, email = ?, position = ?,
                    employment_type = ?, employer = ?, status = ?, joined_on = ?, leave_from = ?, notice_date = ?,
                    last_working_day = ?, left_on = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?""", args);
        for (int count : counts) {
            if (count == 0) {
                throw new ConflictException("directory.person.changedMeanwhile");
            }
        }
    }

    /** Replaces the departments of the given people in two statements. */
    public void replaceDepartmentsAll(List<PersonWrite> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("delete from directory.person_department where person_id = any(?)")
                .param(rows.stream().map(PersonWrite::id).toArray(Long[]::new)).update();
        insertDepartments(rows);
    }

    private void insertDepartments(List<PersonWrite> rows) {
        List<Long> personIds = new ArrayList<>();
        List<Long> departmentIds = new ArrayList<>();
        List<Boolean> primary = new ArrayList<>();
        for (PersonWrite w : rows) {
            for (Long departmentId : w.draft().allDepartmentIds()) {
                personIds.add(w.id());
                departmentIds.add(departmentId);
                primary.add(departmentId.equals(w.draft().primaryDepartmentId()));
            }
        }
        if (personIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into directory.person_department (person_id, department_id, is_primary)
                        select * from unnest(?::bigint[], ?::bigint[], ?::boolean[])""")
                .params(personIds.toArray(Long[]::new), departmentIds.toArray(Long[]::new), primary.toArray(Boolean[]::new))
                .update();
    }

    /** Every person within the scope in 社員番号 order, handed over {@code size} at a time (keyset paging). */
    public void forEachPage(Scope scope, int size, java.util.function.Consumer<List<PersonView>> sink) {
        String after = "";
        while (true) {
            List<Object> args = new ArrayList<>();
            String sql = "select p.* from directory.person p where p.employee_number > ?";
            args.add(after);
            if (!scope.everyone()) {
                sql += " and (p.id = ? or exists (select 1 from directory.person_department s"
                        + " where s.person_id = p.id and s.department_id = any(?)))";
                args.add(scope.selfPersonId() == null ? -1L : scope.selfPersonId());
                args.add(scope.departmentIds().toArray(Long[]::new));
            }
            args.add(size);
            List<PersonView> rows = template.query(sql + " order by p.employee_number limit ?", PersonRepository::row,
                    args.toArray());
            if (rows.isEmpty()) {
                return;
            }
            sink.accept(views(rows));
            if (rows.size() < size) {
                return;
            }
            after = rows.get(rows.size() - 1).employeeNumber();
        }
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
