package dev.mamori.inventory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.DeclarationDraft;
import dev.mamori.inventory.DeclarationView;
import dev.mamori.inventory.Origin;

/**
 * SQL of declarations, including the selection of unanswered ones that are due for a reminder.
 */
@Repository
public class DeclarationRepository {

    private final JdbcClient jdbc;

    DeclarationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long declarant, long departmentId, DeclarationDraft d, LocalDate on) {
        return jdbc.sql("""
                        insert into inventory.declaration (declarant_person_id, department_id, title, description, kind, form,
                          location, origin, origin_party, declared_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(declarant, departmentId, d.title().strip(), d.description(), d.kind().name(), d.form().name(),
                        d.location(), d.origin().name(), d.originParty(), Date.valueOf(on))
                .query(Long.class).single();
    }

    public Optional<DeclarationView> findById(long id) {
        return jdbc.sql("select * from inventory.declaration where id = ?").param(id).query(this::map).optional();
    }

    /** Declarations the viewer may see: their own, those of departments they manage, all for organisation-wide readers. */
    public List<DeclarationView> visible(Viewer v) {
        return jdbc.sql("""
                        select * from inventory.declaration d
                        where :seesAll or d.declarant_person_id = :me or d.department_id = any(cast(:managed as bigint[]))
                        order by (d.status = 'OPEN') desc, d.declared_on desc, d.id desc limit 500""")
                .param("seesAll", v.seesAll()).param("me", v.personId() == null ? -1 : v.personId())
                .param("managed", v.managedDepartments().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .query(this::map).list();
    }

    public void handle(long id, String status, long byPersonId, LocalDate on, String reason, Long assetId) {
        jdbc.sql("""
                        update inventory.declaration set status = ?, handled_by_person_id = ?, handled_on = ?,
                          handling_reason = ?, asset_id = ? where id = ? and status = 'OPEN'""")
                .params(status, byPersonId, Date.valueOf(on), reason, assetId, id).update();
    }

    /**
     * Open declarations declared at least {@code days} days before {@code today} and not reminded in the
     * last {@code days} days.
     */
    public List<DeclarationView> dueForReminder(LocalDate today, int days) {
        Date cutoff = Date.valueOf(today.minusDays(days));
        return jdbc.sql("""
                        select * from inventory.declaration where status = 'OPEN' and declared_on <= ?
                          and (reminded_on is null or reminded_on <= ?) order by id""")
                .params(cutoff, cutoff).query(this::map).list();
    }

    public void markReminded(long id, LocalDate on) {
        jdbc.sql("update inventory.declaration set reminded_on = ? where id = ?").params(Date.valueOf(on), id).update();
    }

    private DeclarationView map(ResultSet rs, int i) throws SQLException {
        Date handled = rs.getDate("handled_on");
        Date reminded = rs.getDate("reminded_on");
        return new DeclarationView(rs.getLong("id"), rs.getLong("declarant_person_id"), null, rs.getLong("department_id"),
                null, rs.getString("title"), rs.getString("description"), AssetKind.valueOf(rs.getString("kind")),
                AssetForm.valueOf(rs.getString("form")), rs.getString("location"), Origin.valueOf(rs.getString("origin")),
                rs.getString("origin_party"), rs.getString("status"), (Long) rs.getObject("handled_by_person_id"),
                handled == null ? null : handled.toLocalDate(), rs.getString("handling_reason"), (Long) rs.getObject("asset_id"),
                rs.getDate("declared_on").toLocalDate(), reminded == null ? null : reminded.toLocalDate());
    }
}
