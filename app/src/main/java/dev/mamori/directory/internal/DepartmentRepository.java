package dev.mamori.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.DepartmentView;

/**
 * SQL for departments and their managers.
 */
@Repository
public class DepartmentRepository {

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(DepartmentDraft d) {
        return jdbc.sql("insert into directory.department (code, name_ja, name_en, parent_id) values (?, ?, ?, ?) returning id")
                .params(d.code(), d.nameJa(), blankToNull(d.nameEn()), d.parentId()).query(Long.class).single();
    }

    public void update(long id, DepartmentDraft d) {
        jdbc.sql("update directory.department set code = ?, name_ja = ?, name_en = ?, parent_id = ?, updated_at = now() where id = ?")
                .params(d.code(), d.nameJa(), blankToNull(d.nameEn()), d.parentId(), id).update();
    }

    public void abolish(long id, LocalDate on) {
        jdbc.sql("update directory.department set active = false, abolished_on = ?, updated_at = now() where id = ?")
                .params(Date.valueOf(on), id).update();
    }

    public Optional<DepartmentView> findById(long id) {
        return jdbc.sql("select * from directory.department where id = ?").param(id).query(this::map).optional()
                .map(d -> withManagers(List.of(d)).get(0));
    }

    public Optional<DepartmentView> findByCode(String code) {
        return jdbc.sql("select * from directory.department where code = ?").param(code).query(this::map).optional()
                .map(d -> withManagers(List.of(d)).get(0));
    }

    public List<DepartmentView> findAll() {
        return withManagers(jdbc.sql("select * from directory.department order by code").query(this::map).list());
    }

    public Map<String, Long> idsByCode() {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("select code, id from directory.department").query(rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        });
        return result;
    }

    public List<DepartmentView> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withManagers(jdbc.sql("select * from directory.department where id = any(?) order by code")
                .param(ids.toArray(Long[]::new)).query(this::map).list());
    }

    /** The given departments and all departments above them. */
    public Set<Long> withAncestors(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from directory.department where id = any(?)
                            union
                            select d.id, d.parent_id from directory.department d join up on d.id = up.parent_id)
                        select id from up""")
                .param(ids.toArray(Long[]::new)).query(Long.class).list());
    }

    /** The given departments and all departments below them. */
    public Set<Long> subtreeOf(Collection<Long> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        with recursive tree(id) as (
                            select id from directory.department where id = any(?)
                            union
                            select d.id from directory.department d join tree t on d.parent_id = t.id)
                        select id from tree""")
                .param(roots.toArray(Long[]::new)).query(Long.class).list());
    }

    /** Whether {@code candidateParent} is {@code id} itself or lies below it (which would make a cycle). */
    public boolean wouldCycle(long id, long candidateParent) {
        return subtreeOf(List.of(id)).contains(candidateParent);
    }

    public List<Long> managerIds(long departmentId) {
        return jdbc.sql("select person_id from directory.department_manager where department_id = ? order by person_id")
                .param(departmentId).query(Long.class).list();
    }

    public void replaceManagers(long departmentId, Collection<Long> personIds) {
        jdbc.sql("delete from directory.department_manager where department_id = ?").param(departmentId).update();
        for (Long personId : personIds) {
            jdbc.sql("insert into directory.department_manager (department_id, person_id) values (?, ?)")
                    .params(departmentId, personId).update();
        }
    }

    /** Departments each person manages. */
    public List<Long> managedBy(long personId) {
        return jdbc.sql("select department_id from directory.department_manager where person_id = ? order by department_id")
                .param(personId).query(Long.class).list();
    }

    /** Current people (not yet left) per primary department. */
    public Map<Long, Long> headcounts() {
        Map<Long, Long> result = new HashMap<>();
        jdbc.sql("""
                select pd.department_id, count(*) from directory.person_department pd
                join directory.person p on p.id = pd.person_id
                where pd.is_primary and p.status <> 'LEFT' group by pd.department_id""")
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                });
        return result;
    }

    public long countActive() {
        return jdbc.sql("select count(*) from directory.department where active").query(Long.class).single();
    }

    private List<DepartmentView> withManagers(List<DepartmentView> departments) {
        if (departments.isEmpty()) {
            return departments;
        }
        Map<Long, List<DepartmentView.PersonRef>> managers = new HashMap<>();
        jdbc.sql("""
                select m.department_id, p.id, p.employee_number, p.name from directory.department_manager m
                join directory.person p on p.id = m.person_id where m.department_id = any(?) order by p.employee_number""")
                .param(departments.stream().map(DepartmentView::id).toArray(Long[]::new))
                .query(rs -> {
                    managers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DepartmentView.PersonRef(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        return departments.stream().map(d -> new DepartmentView(d.id(), d.code(), d.nameJa(), d.nameEn(), d.parentId(),
                d.active(), d.abolishedOn(), managers.getOrDefault(d.id(), List.of()))).toList();
    }

    private DepartmentView map(ResultSet rs, int row) throws SQLException {
        Date abolished = rs.getDate("abolished_on");
        return new DepartmentView(rs.getLong("id"), rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
                (Long) rs.getObject("parent_id"), rs.getBoolean("active"),
                abolished == null ? null : abolished.toLocalDate(), List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
