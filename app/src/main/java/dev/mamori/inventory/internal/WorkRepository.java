package dev.mamori.inventory.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the work the register asks of people: reviews and secrecy periods coming due, declarations to
 * answer, entries at a level that is being merged away. Each query is bounded; lists of entries apply the
 * viewer's visibility ({@link AssetRepository#VISIBLE}).
 */
@Repository
public class WorkRepository {

    /** The most tasks of one kind shown to one person. */
    static final int LIMIT = 100;

    private final JdbcClient jdbc;

    WorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live entry with the date its work falls due. */
    public record Due(long assetId, String name, long departmentId, long responsiblePersonId, String levelId,
                      LocalDate due) {
    }

    /** Live entries at the level with their department and 管理責任者, ignoring visibility. */
    public List<Due> atLevel(String levelCode) {
        return jdbc.sql("""
                        select a.id, a.name, a.department_id, a.responsible_person_id, a.level_id, a.secret_until as due
                        from inventory.asset a where a.level_id = ? and a.stage <> 'DISPOSED'
                        order by a.department_id, a.name, a.id""")
                .param(levelCode).query(WorkRepository::due).list();
    }

    public long countAtLevel(String levelCode) {
        return jdbc.sql("select count(*) from inventory.asset a where a.level_id = ? and a.stage <> 'DISPOSED'")
                .param(levelCode).query(Long.class).single();
    }

    /** Visible live entries of the viewer's managed departments whose review falls due by the horizon. */
    public List<Due> reviewsDue(Viewer v, LocalDate horizon) {
        if (v.managedDepartments().isEmpty()) {
            return List.of();
        }
        return AssetRepository.bind(jdbc.sql("""
                        select a.id, a.name, a.department_id, a.responsible_person_id, a.level_id, a.next_review_on as due
                        from inventory.asset a
                        where a.stage <> 'DISPOSED' and a.next_review_on <= :horizon
                          and a.department_id = any(cast(:managedOnly as bigint[])) and """ + AssetRepository.VISIBLE
                        + " order by a.next_review_on, a.id limit :limit"), v)
                .param("horizon", Date.valueOf(horizon))
                .param("managedOnly", AssetRepository.array(v.managedDepartments()))
                .param("limit", LIMIT)
                .query(WorkRepository::due).list();
    }

    /** Designated live entries the person is 管理責任者 of whose secrecy period ends by the horizon. */
    public List<Due> secrecyEnding(long personId, LocalDate horizon) {
        return jdbc.sql("""
                        select a.id, a.name, a.department_id, a.responsible_person_id, a.level_id, a.secret_until as due
                        from inventory.asset a
                        where a.responsible_person_id = ? and a.level_id is not null and a.stage <> 'DISPOSED'
                          and a.secret_until <= ?
                        order by a.secret_until, a.id limit ?""")
                .params(personId, Date.valueOf(horizon), LIMIT).query(WorkRepository::due).list();
    }

    /** Live entries the person is 管理責任者 of that sit at one of the levels. */
    public List<Due> atLevelsFor(long personId, Collection<String> levelCodes) {
        if (levelCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, a.name, a.department_id, a.responsible_person_id, a.level_id, null::date as due
                        from inventory.asset a
                        where a.responsible_person_id = ? and a.stage <> 'DISPOSED'
                          and a.level_id = any(cast(? as text[]))
                        order by a.name, a.id limit ?""")
                .params(personId, levelCodes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "{", "}")),
                        LIMIT)
                .query(WorkRepository::due).list();
    }

    /** An open declaration waiting for its department's 管理責任者. */
    public record OpenDeclaration(long id, String title, long departmentId, LocalDate declaredOn) {
    }

    public List<OpenDeclaration> openDeclarations(Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, title, department_id, declared_on from inventory.declaration
                        where status = 'OPEN' and department_id = any(cast(? as bigint[]))
                        order by declared_on, id limit ?""")
                .params(AssetRepository.array(departmentIds), LIMIT)
                .query((rs, n) -> new OpenDeclaration(rs.getLong("id"), rs.getString("title"), rs.getLong("department_id"),
                        rs.getDate("declared_on").toLocalDate()))
                .list();
    }

    /** Open declarations across the organisation declared on or before the date. */
    public long countOpenDeclarationsSince(LocalDate declaredOnOrBefore) {
        return jdbc.sql("select count(*) from inventory.declaration where status = 'OPEN' and declared_on <= ?")
                .param(Date.valueOf(declaredOnOrBefore)).query(Long.class).single();
    }

    private static Due due(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date due = rs.getDate("due");
        return new Due(rs.getLong("id"), rs.getString("name"), rs.getLong("department_id"),
                rs.getLong("responsible_person_id"), rs.getString("level_id"), due == null ? null : due.toLocalDate());
    }
}
