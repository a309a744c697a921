package dev.mamori.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.StepState;

/** SQL of the leaver checklists. */
@Repository
public class LeaverRepository {

    private final JdbcClient jdbc;

    LeaverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored checklist's dates. */
    public record Row(long personId, LocalDate noticeDate, LocalDate lastWorkingDay, LocalDate leftOn, boolean retracted,
                      LocalDate monitoringFrom, LocalDate monitoringUntil, String alumniContact) {
    }

    /** A step confirmed by hand. */
    public record Step(long personId, LeaverStep step, StepState state, Long documentId, String documentName) {
    }

    public Optional<Row> find(long personId) {
        return jdbc.sql("select * from lifecycle.leaver where person_id = ?").param(personId).query(this::map).optional();
    }

    /** Open checklists first by last day (newest first); retracted ones only when asked. */
    public List<Row> findAll(boolean includeRetracted) {
        return jdbc.sql("select * from lifecycle.leaver where (? or not retracted) "
                        + "order by coalesce(last_working_day, left_on, notice_date) desc, person_id")
                .param(includeRetracted).query(this::map).list();
    }

    /**
     * Serialises the changes to one person's checklist until the transaction ends: the directory's events arrive
     * on several threads (a notice and a leaving together, a demo or import beside them), and without this two of
     * them could both find no checklist and both open one.
     */
    public void lock(long personId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_NAMESPACE, Long.hashCode(personId))
                .query((rs, i) -> 1).single();
    }

    /** The first key of the checklist's advisory locks ("LCYC"). */
    private static final int LOCK_NAMESPACE = 0x4c435943;

    public void insert(Row r) {
        jdbc.sql("""
                        insert into lifecycle.leaver (person_id, notice_date, last_working_day, left_on, monitoring_from,
                          monitoring_until) values (?, ?, ?, ?, ?, ?)""")
                .params(r.personId(), r.noticeDate(), r.lastWorkingDay(), r.leftOn(), r.monitoringFrom(),
                        r.monitoringUntil()).update();
    }

    public void updateDates(Row r) {
        jdbc.sql("""
                        update lifecycle.leaver set notice_date = ?, last_working_day = ?, left_on = ?, retracted = ?,
                          monitoring_from = ?, monitoring_until = ?, updated_at = now() where person_id = ?""")
                .params(r.noticeDate(), r.lastWorkingDay(), r.leftOn(), r.retracted(), r.monitoringFrom(),
                        r.monitoringUntil(), r.personId()).update();
    }

    public void updateAlumniContact(long personId, String contact) {
        jdbc.sql("update lifecycle.leaver set alumni_contact = ?, updated_at = now() where person_id = ?")
                .params(contact, personId).update();
    }

    public void saveStep(long personId, LeaverStep step, StepState state, String confirmedBy, Long documentId) {
        jdbc.sql("""
                        insert into lifecycle.leaver_step (person_id, step, state, on_date, note, confirmed_by, document_id)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, step) do update set state = excluded.state, on_date = excluded.on_date,
                          note = excluded.note, confirmed_by = excluded.confirmed_by, confirmed_at = now(),
                          document_id = coalesce(excluded.document_id, lifecycle.leaver_step.document_id)""")
                .params(personId, step.name(), state.status().name(), state.on(), state.note(), confirmedBy, documentId)
                .update();
    }

    /** The hand-confirmed steps of the given people, by person. */
    public Map<Long, List<Step>> steps(List<Long> personIds) {
        Map<Long, List<Step>> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select s.*, d.file_name from lifecycle.leaver_step s
                        left join lifecycle.document d on d.id = s.document_id
                        where s.person_id = any(cast(? as bigint[]))""")
                .param(array(personIds))
                .query((ResultSet rs) -> {
                    long pid = rs.getLong("person_id");
                    Long doc = (Long) rs.getObject("document_id");
                    out.computeIfAbsent(pid, k -> new java.util.ArrayList<>()).add(new Step(pid,
                            LeaverStep.valueOf(rs.getString("step")),
                            new StepState(StepState.Status.valueOf(rs.getString("state")),
                                    rs.getObject("on_date", LocalDate.class), rs.getString("note"),
                                    "hand:" + rs.getString("confirmed_by")), doc, rs.getString("file_name")));
                });
        return out;
    }

    static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private Row map(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("person_id"), rs.getObject("notice_date", LocalDate.class),
                rs.getObject("last_working_day", LocalDate.class), rs.getObject("left_on", LocalDate.class),
                rs.getBoolean("retracted"), rs.getObject("monitoring_from", LocalDate.class),
                rs.getObject("monitoring_until", LocalDate.class), rs.getString("alumni_contact"));
    }
}
