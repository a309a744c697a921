package dev.mamori.policy.internal.documents;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for published versions ({@code policy.document_version}) and acknowledgements. */
@Repository
class DocumentRepository {

    private static final String SUMMARY = """
            select id, kind, number, title, company, effective_on, published_at, published_by, scope_all,
                   scope_departments, due_on, text_sha256, docx_sha256, pdf_sha256
            from policy.document_version""";
    private static final String ACK = """
            select a.version_id, v.kind, v.number, v.title, a.person_id, a.employee_number, a.person_name,
                   a.department_id, a.due_on, a.acknowledged_at, a.superseded, a.reminded_on
            from policy.acknowledgement a join policy.document_version v on v.id = a.version_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DocumentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new version to insert. */
    record NewVersion(DocumentKind kind, int number, String title, String company, LocalDate effectiveOn,
                      Instant publishedAt, Long publishedByAccount, String publishedBy, boolean scopeAll,
                      List<Long> departmentIds, LocalDate dueOn, String content, String textSha256, byte[] docx,
                      String docxSha256, byte[] pdf, String pdfSha256) {
    }

    /** A person who is asked to acknowledge a version. */
    record Addressee(long personId, String employeeNumber, String name, Long departmentId) {
    }

    /** Serialises publications of one kind, so that two publishers do not take the same number. */
    void lockKind(DocumentKind kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('policy.document.' || ?))").param(kind.name())
                .query((rs, n) -> 1).list();
    }

    int nextNumber(DocumentKind kind) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from policy.document_version where kind = ?")
                .param(kind.name()).query(Integer.class).single();
    }

    long insert(NewVersion v) {
        return jdbc.sql("""
                        insert into policy.document_version (kind, number, title, company, effective_on, published_at,
                            published_by_account, published_by, scope_all, scope_departments, due_on, content,
                            text_sha256, docx, docx_sha256, pdf, pdf_sha256)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(v.kind().name(), v.number(), v.title(), v.company(), v.effectiveOn(),
                        Timestamp.from(v.publishedAt()), v.publishedByAccount(), v.publishedBy(), v.scopeAll(),
                        v.departmentIds().toArray(Long[]::new), v.dueOn(), v.content(), v.textSha256(), v.docx(),
                        v.docxSha256(), v.pdf(), v.pdfSha256())
                .query(Long.class).single();
    }

    void insertAddressees(long versionId, LocalDate dueOn, List<Addressee> people) {
        template.batchUpdate("""
                        insert into policy.acknowledgement (version_id, person_id, employee_number, person_name,
                            department_id, due_on) values (?, ?, ?, ?, ?, ?)""", people, 500,
                (ps, a) -> {
                    ps.setLong(1, versionId);
                    ps.setLong(2, a.personId());
                    ps.setString(3, a.employeeNumber());
                    ps.setString(4, a.name());
                    ps.setObject(5, a.departmentId());
                    ps.setObject(6, dueOn);
                });
    }

    /** Older versions' pending acknowledgements of the kind are no longer asked for. */
    int supersedeBefore(DocumentKind kind, int number) {
        return jdbc.sql("""
                        update policy.acknowledgement a set superseded = true
                        from policy.document_version v
                        where v.id = a.version_id and v.kind = ? and v.number < ?
                          and a.acknowledged_at is null and not a.superseded""")
                .params(kind.name(), number).update();
    }

    List<VersionSummary> versions(DocumentKind kind) {
        return jdbc.sql(SUMMARY + " where kind = ? order by number desc").param(kind.name())
                .query(DocumentRepository::summary).list();
    }

    /** The newest version of every kind. */
    List<VersionSummary> latest() {
        return jdbc.sql("select distinct on (kind) * from (" + SUMMARY + ") s order by kind, number desc")
                .query(DocumentRepository::summary).list();
    }

    Optional<VersionSummary> version(DocumentKind kind, int number) {
        return jdbc.sql(SUMMARY + " where kind = ? and number = ?").params(kind.name(), number)
                .query(DocumentRepository::summary).optional();
    }

    Optional<String> content(long versionId) {
        return jdbc.sql("select content from policy.document_version where id = ?").param(versionId)
                .query(String.class).optional();
    }

    Optional<byte[]> file(long versionId, boolean pdf) {
        return jdbc.sql("select " + (pdf ? "pdf" : "docx") + " from policy.document_version where id = ?")
                .param(versionId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    // ------------------------------------------------------------ acknowledgements

    /** A person's acknowledgements of the newest version of each kind they were asked about. */
    List<PersonAcknowledgement> ofPerson(long personId) {
        return jdbc.sql(ACK + " where a.person_id = ? order by v.published_at desc, v.kind")
                .param(personId).query(DocumentRepository::acknowledgement).list();
    }

    Optional<PersonAcknowledgement> find(long versionId, long personId) {
        return jdbc.sql(ACK + " where a.version_id = ? and a.person_id = ?").params(versionId, personId)
                .query(DocumentRepository::acknowledgement).optional();
    }

    List<PersonAcknowledgement> pendingOf(long personId) {
        return jdbc.sql(ACK + " where a.person_id = ? and a.acknowledged_at is null and not a.superseded order by a.due_on")
                .param(personId).query(DocumentRepository::acknowledgement).list();
    }

    /** Marks one pending acknowledgement done; false when it was not pending. */
    boolean acknowledge(long versionId, long personId, Instant at, Long accountId) {
        return jdbc.sql("""
                        update policy.acknowledgement set acknowledged_at = ?, acknowledged_by = ?
                        where version_id = ? and person_id = ? and acknowledged_at is null and not superseded""")
                .params(Timestamp.from(at), accountId, versionId, personId).update() == 1;
    }

    List<PersonAcknowledgement> ofVersion(long versionId) {
        return jdbc.sql(ACK + " where a.version_id = ? order by a.department_id nulls last, a.employee_number")
                .param(versionId).query(DocumentRepository::acknowledgement).list();
    }

    /** Pending after their due date and not reminded within the interval. */
    List<PersonAcknowledgement> dueForReminder(LocalDate today, int intervalDays) {
        return jdbc.sql(ACK + """
                         where a.acknowledged_at is null and not a.superseded and a.due_on < ?
                           and (a.reminded_on is null or a.reminded_on <= ?)
                        order by a.version_id, a.department_id nulls last, a.employee_number""")
                .params(today, today.minusDays(intervalDays)).query(DocumentRepository::acknowledgement).list();
    }

    void markReminded(long versionId, List<Long> personIds, LocalDate on) {
        jdbc.sql("update policy.acknowledgement set reminded_on = ? where version_id = ? and person_id = any(?)")
                .params(on, versionId, personIds.toArray(Long[]::new)).update();
    }

    private static VersionSummary summary(ResultSet rs, int n) throws SQLException {
        return new VersionSummary(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getInt("number"),
                rs.getString("title"), rs.getString("company"), rs.getObject("effective_on", LocalDate.class),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getBoolean("scope_all"),
                longs(rs.getArray("scope_departments")), rs.getObject("due_on", LocalDate.class),
                rs.getString("text_sha256"), rs.getString("docx_sha256"), rs.getString("pdf_sha256"));
    }

    private static PersonAcknowledgement acknowledgement(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("acknowledged_at");
        return new PersonAcknowledgement(rs.getLong("version_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getInt("number"), rs.getString("title"), rs.getLong("person_id"), rs.getString("employee_number"),
                rs.getString("person_name"), (Long) rs.getObject("department_id"), rs.getObject("due_on", LocalDate.class),
                at == null ? null : at.toInstant(), rs.getBoolean("superseded"),
                rs.getObject("reminded_on", LocalDate.class));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
