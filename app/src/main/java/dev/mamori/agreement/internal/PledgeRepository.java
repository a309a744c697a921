package dev.mamori.agreement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.agreement.PledgeKind;

/** SQL for pledges ({@code agreement.pledge}) and projects. */
@Repository
class PledgeRepository {

    private static final String SELECT = """
            select p.*, d.title, d.text_sha256, d.docx_sha256, d.pdf_sha256, t.number as template_number
            from agreement.pledge p join agreement.document d on d.id = p.document_id
                 join agreement.template_version t on t.id = d.template_version_id
            """;

    private final JdbcClient jdbc;

    PledgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewPledge(long personId, Long departmentId, PledgeKind kind, long documentId, String projectKey,
                     String projectName, Instant requestedAt, String requestedBy, LocalDate dueOn,
                     boolean survivesLeaving, Integer validYears) {
    }

    long insert(NewPledge p) {
        return jdbc.sql("""
                        insert into agreement.pledge (person_id, department_id, kind, document_id, project_key,
                            project_name, state, requested_at, requested_by, due_on, survives_leaving, valid_years)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?) returning id""")
                .params(p.personId(), p.departmentId(), p.kind().name(), p.documentId(), p.projectKey(), p.projectName(),
                        Timestamp.from(p.requestedAt()), p.requestedBy(), p.dueOn(), p.survivesLeaving(), p.validYears())
                .query(Long.class).single();
    }

    void lockPerson(long personId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('agreement.pledge.' || ?))").param(personId)
                .query((rs, n) -> 1).list();
    }

    Optional<Pledge> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PledgeRepository::map).optional();
    }

    /** Pending pledges of the kind (and project), to be replaced by a new one. */
    List<Pledge> pending(long personId, PledgeKind kind, String projectKey) {
        return jdbc.sql(SELECT + """
                         where p.person_id = ? and p.kind = ? and p.state = 'PENDING'
                           and p.project_key is not distinct from ?""")
                .params(personId, kind.name(), projectKey).query(PledgeRepository::map).list();
    }

    int withdraw(long id) {
        return jdbc.sql("update agreement.pledge set state = 'WITHDRAWN' where id = ? and state = 'PENDING'").param(id)
                .update();
    }

    /** A person's pledges (withdrawn ones left out), newest first. */
    List<Pledge> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where p.person_id = ? and p.state <> 'WITHDRAWN' order by p.requested_at desc, p.id desc")
                .param(personId).query(PledgeRepository::map).list();
    }

    /**
     * The person's newest leaving pledge (withdrawn ones left out) whose document carries a non-compete clause:
     * the non-compete agreement asked of a leaver.
     */
    Optional<Pledge> newestNonCompete(long personId) {
        return jdbc.sql(SELECT + """
                         where p.person_id = ? and p.kind = 'LEAVING' and p.state <> 'WITHDRAWN'
                           and (d.template_values ->> 'nonCompete') = 'true'
                         order by p.requested_at desc, p.id desc limit 1""")
                .param(personId).query(PledgeRepository::map).optional();
    }

    /** The pledges of many people (withdrawn left out), newest first. */
    List<Pledge> ofPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.person_id = any(?) and p.state <> 'WITHDRAWN' order by p.requested_at desc, p.id desc")
                .param(personIds.toArray(Long[]::new)).query(PledgeRepository::map).list();
    }

    List<Pledge> ofProject(String projectKey) {
        return jdbc.sql(SELECT + " where p.project_key = ? and p.state <> 'WITHDRAWN' order by p.requested_at desc, p.id desc")
                .param(projectKey).query(PledgeRepository::map).list();
    }

    boolean sign(long id, Instant at, Long accountId, String method, LocalDate validUntil) {
        return jdbc.sql("""
                        update agreement.pledge set state = 'SIGNED', signed_at = ?, signed_by = ?, method = ?, valid_until = ?
                        where id = ? and state in ('PENDING', 'REFUSED')""")
                .params(Timestamp.from(at), accountId, method, validUntil, id).update() == 1;
    }

    void attachScan(long id, String name, byte[] scan, String sha) {
        jdbc.sql("update agreement.pledge set scan = ?, scan_name = ?, scan_sha256 = ? where id = ?")
                .params(scan, name, sha, id).update();
    }

    Optional<byte[]> scan(long id) {
        return jdbc.sql("select scan from agreement.pledge where id = ? and scan is not null").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    boolean refuse(long id, Instant at, String reason) {
        return jdbc.sql("""
                        update agreement.pledge set state = 'REFUSED', refused_at = ?, refusal_reason = ?
                        where id = ? and state = 'PENDING'""")
                .params(Timestamp.from(at), reason, id).update() == 1;
    }

    /** Pending past their due date and not escalated yet. */
    List<Pledge> dueForEscalation(LocalDate today) {
        return jdbc.sql(SELECT + " where p.state = 'PENDING' and p.due_on < ? and p.escalated_on is null order by p.due_on")
                .param(today).query(PledgeRepository::map).list();
    }

    void markEscalated(long id, LocalDate on) {
        jdbc.sql("update agreement.pledge set escalated_on = ? where id = ?").params(on, id).update();
    }

    List<Pledge> pendingOf(long personId) {
        return jdbc.sql(SELECT + " where p.person_id = ? and p.state = 'PENDING' order by p.due_on").param(personId)
                .query(PledgeRepository::map).list();
    }

    long countEscalated() {
        return jdbc.sql("select count(*) from agreement.pledge where state = 'PENDING' and escalated_on is not null")
                .query(Long.class).single();
    }

    // ------------------------------------------------------------------ projects

    /** Adds a secret to a project; true when it was not known there before. */
    boolean addProjectSecret(String key, String name, long assetId, String assetName) {
        jdbc.sql("insert into agreement.project (project_key, name) values (?, ?) on conflict (project_key) do nothing")
                .params(key, name).update();
        return jdbc.sql("""
                        insert into agreement.project_secret (project_key, project_name, asset_id, asset_name)
                        values (?, ?, ?, ?) on conflict (project_key, asset_id) do update set asset_name = excluded.asset_name
                        returning (xmax = 0)""")
                .params(key, name, assetId, assetName).query(Boolean.class).single();
    }

    List<String> projectSecrets(String key) {
        return jdbc.sql("select asset_name from agreement.project_secret where project_key = ? order by added_at, asset_id")
                .param(key).query(String.class).list();
    }

    record Project(String key, String name, LocalDate endedOn, String endedBy, int secrets) {
    }

    List<Project> projects() {
        return jdbc.sql("""
                        select p.project_key, p.name, p.ended_on, p.ended_by,
                               (select count(*) from agreement.project_secret s where s.project_key = p.project_key) as secrets
                        from agreement.project p order by p.ended_on nulls first, p.name""")
                .query((rs, n) -> new Project(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getInt(5))).list();
    }

    Optional<Project> project(String key) {
        return projects().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    boolean endProject(String key, LocalDate on, String by) {
        return jdbc.sql("update agreement.project set ended_on = ?, ended_by = ? where project_key = ? and ended_on is null")
                .params(on, by, key).update() == 1;
    }

    private static Pledge map(ResultSet rs, int n) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_at");
        Timestamp refused = rs.getTimestamp("refused_at");
        return new Pledge(rs.getLong("id"), rs.getLong("person_id"), (Long) rs.getObject("department_id"),
                PledgeKind.valueOf(rs.getString("kind")), rs.getLong("document_id"), rs.getString("title"),
                rs.getInt("template_number"), rs.getString("project_key"), rs.getString("project_name"),
                rs.getString("state"), rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                rs.getObject("due_on", LocalDate.class), signed == null ? null : signed.toInstant(), rs.getString("method"),
                rs.getString("scan_name"), rs.getString("scan_sha256"), refused == null ? null : refused.toInstant(),
                rs.getString("refusal_reason"), rs.getBoolean("survives_leaving"), (Integer) rs.getObject("valid_years"),
                rs.getObject("valid_until", LocalDate.class), rs.getObject("escalated_on", LocalDate.class),
                rs.getString("text_sha256"), rs.getString("docx_sha256"), rs.getString("pdf_sha256"));
    }
}
