package dev.mamori.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.lifecycle.HireDraft;
import dev.mamori.lifecycle.HireView;
import dev.mamori.platform.ConflictException;

/** SQL of hires from competitors. Names and departments are filled in by the caller. */
@Repository
public class HireRepository {

    private final JdbcClient jdbc;

    HireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long personId, HireDraft d, LocalDate recordedOn) {
        return jdbc.sql("""
                        insert into lifecycle.hire (person_id, previous_employer, previous_position, key_person,
                          confidentiality_duties, non_compete_duties, non_compete_until, interviewed_on, interview_record,
                          pledge_signed_on, pledge_note, hiring_reason, recorded_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, d.previousEmployer().strip(), blank(d.previousPosition()), d.keyPerson(),
                        blank(d.confidentialityDuties()), blank(d.nonCompeteDuties()), d.nonCompeteUntil(),
                        d.interviewedOn(), blank(d.interviewRecord()), d.pledgeSignedOn(), blank(d.pledgeNote()),
                        blank(d.hiringReason()), recordedOn)
                .query(Long.class).single();
    }

    public void update(long id, HireDraft d, int expectedVersion) {
        int n = jdbc.sql("""
                        update lifecycle.hire set previous_employer = ?, previous_position = ?, key_person = ?,
                          confidentiality_duties = ?, non_compete_duties = ?, non_compete_until = ?, interviewed_on = ?,
                          interview_record = ?, pledge_signed_on = ?, pledge_note = ?, hiring_reason = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                .params(d.previousEmployer().strip(), blank(d.previousPosition()), d.keyPerson(),
                        blank(d.confidentialityDuties()), blank(d.nonCompeteDuties()), d.nonCompeteUntil(),
                        d.interviewedOn(), blank(d.interviewRecord()), d.pledgeSignedOn(), blank(d.pledgeNote()),
                        blank(d.hiringReason()), id, expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("lifecycle.hire.changedMeanwhile");
        }
    }

    public void attachPledge(long id, long documentId) {
        jdbc.sql("update lifecycle.hire set pledge_document_id = ?, version = version + 1 where id = ?")
                .params(documentId, id).update();
    }

    public void addCheck(long id, LocalDate on, String note, String by) {
        jdbc.sql("insert into lifecycle.hire_check (hire_id, checked_on, note, checked_by) values (?, ?, ?, ?)")
                .params(id, on, note, by).update();
        jdbc.sql("update lifecycle.hire set last_checked_on = greatest(coalesce(last_checked_on, ?), ?) where id = ?")
                .params(on, on, id).update();
    }

    public Optional<HireView> find(long id) {
        return jdbc.sql(SELECT + " where h.id = ?").param(id).query(this::map).optional();
    }

    public Optional<HireView> findByPerson(long personId) {
        return jdbc.sql(SELECT + " where h.person_id = ?").param(personId).query(this::map).optional();
    }

    public List<HireView> findAll() {
        return jdbc.sql(SELECT + " order by h.recorded_on desc, h.id desc").query(this::map).list();
    }

    public List<HireView.Check> checks(long id) {
        return jdbc.sql("select * from lifecycle.hire_check where hire_id = ? order by checked_on desc, id desc").param(id)
                .query((rs, i) -> new HireView.Check(rs.getObject("checked_on", LocalDate.class), rs.getString("note"),
                        rs.getString("checked_by"))).list();
    }

    private static final String SELECT = """
            select h.*, d.file_name, d.sha256 from lifecycle.hire h
            left join lifecycle.document d on d.id = h.pledge_document_id""";

    private HireView map(ResultSet rs, int i) throws SQLException {
        return new HireView(rs.getLong("id"), rs.getLong("person_id"), null, null, null, rs.getString("previous_employer"),
                rs.getString("previous_position"), rs.getBoolean("key_person"), rs.getString("confidentiality_duties"),
                rs.getString("non_compete_duties"), rs.getObject("non_compete_until", LocalDate.class),
                rs.getObject("interviewed_on", LocalDate.class), rs.getString("interview_record"),
                rs.getObject("pledge_signed_on", LocalDate.class), rs.getString("pledge_note"),
                (Long) rs.getObject("pledge_document_id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("hiring_reason"), rs.getObject("recorded_on", LocalDate.class),
                rs.getObject("last_checked_on", LocalDate.class), null, List.of(), rs.getInt("version"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
