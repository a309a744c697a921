package dev.mamori.measure.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.measure.EvidenceKind;
import dev.mamori.measure.SelectionStatus;

/** Selections and their evidence rows. */
@Repository
class SelectionRepository {

    record Row(long id, long measureId, List<String> levelCodes, Long ownerPersonId, SelectionStatus status,
               String statusReason, LocalDate dueDate, Period reviewInterval, LocalDate lastReviewed,
               LocalDate nextReview, String note, int version) {
    }

    record EvidenceRow(long id, long selectionId, EvidenceKind kind, String label, String url, String fileName,
                       String storedPath, String sha256, Long sizeBytes, String sourceKey, String addedBy,
                       java.time.Instant addedAt) {
    }

    private final JdbcClient jdbc;

    SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all(String levelCode) {
        return jdbc.sql("""
                select s.* from measure.selection s join measure.measure m on m.id = s.measure_id
                where cast(:level as text) is null or :level = any(s.level_codes)
                order by m.route, m.purpose, m.position, s.id""")
                .param("level", levelCode).query(SelectionRepository::row).list();
    }

    List<Row> ownedBy(long personId) {
        return jdbc.sql("select * from measure.selection where owner_person_id = ? order by id").param(personId)
                .query(SelectionRepository::row).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from measure.selection where id = ?").param(id).query(SelectionRepository::row).optional();
    }

    boolean measureSelected(long measureId) {
        return jdbc.sql("select count(*) from measure.selection where measure_id = ?").param(measureId)
                .query(Long.class).single() > 0;
    }

    long insert(Row r) {
        return jdbc.sql("""
                insert into measure.selection (measure_id, level_codes, owner_person_id, status, status_reason, due_date,
                                               review_interval, next_review, note)
                values (?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.measureId(), String.join(",", r.levelCodes()), r.ownerPersonId(), r.status().name(),
                        r.statusReason(), r.dueDate(), r.reviewInterval().toString(), r.nextReview(), r.note())
                .query(Long.class).single();
    }

    int update(Row r, int expectedVersion) {
        return jdbc.sql("""
                update measure.selection set level_codes = string_to_array(?, ','), owner_person_id = ?, status = ?,
                       status_reason = ?, due_date = ?, review_interval = ?, last_reviewed = ?, next_review = ?, note = ?,
                       version = version + 1, updated_at = now()
                where id = ? and version = ?""")
                .params(String.join(",", r.levelCodes()), r.ownerPersonId(), r.status().name(), r.statusReason(),
                        r.dueDate(), r.reviewInterval().toString(), r.lastReviewed(), r.nextReview(), r.note(), r.id(),
                        expectedVersion)
                .update();
    }

    List<EvidenceRow> evidenceOf(List<Long> selectionIds) {
        if (selectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from measure.evidence where selection_id = any(?) order by id")
                .param(selectionIds.toArray(Long[]::new)).query(SelectionRepository::evidence).list();
    }

    long insertEvidence(EvidenceRow e) {
        return jdbc.sql("""
                insert into measure.evidence (selection_id, kind, label, url, file_name, stored_path, sha256, size_bytes,
                                              source_key, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(e.selectionId(), e.kind().name(), e.label(), e.url(), e.fileName(), e.storedPath(), e.sha256(),
                        e.sizeBytes(), e.sourceKey(), e.addedBy())
                .query(Long.class).single();
    }

    /** Per selection: measure route/purpose, status and levels, for coverage and counts. */
    record Brief(long id, String route, int purpose, SelectionStatus status, List<String> levelCodes, String code) {
    }

    List<Brief> briefs() {
        return jdbc.sql("""
                select s.id, m.route, m.purpose, s.status, s.level_codes, coalesce(m.repeats_code, m.code)
                from measure.selection s join measure.measure m on m.id = s.measure_id""")
                .query((rs, n) -> new Brief(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        SelectionStatus.valueOf(rs.getString(4)), codes(rs.getArray(5)), rs.getString(6))).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_person_id");
        Long ownerOrNull = rs.wasNull() ? null : owner;
        return new Row(rs.getLong("id"), rs.getLong("measure_id"), codes(rs.getArray("level_codes")), ownerOrNull,
                SelectionStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                date(rs, "due_date"), Period.parse(rs.getString("review_interval")), date(rs, "last_reviewed"),
                date(rs, "next_review"), rs.getString("note"), rs.getInt("version"));
    }

    private static EvidenceRow evidence(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeOrNull = rs.wasNull() ? null : size;
        Timestamp at = rs.getTimestamp("added_at");
        return new EvidenceRow(rs.getLong("id"), rs.getLong("selection_id"), EvidenceKind.valueOf(rs.getString("kind")),
                rs.getString("label"), rs.getString("url"), rs.getString("file_name"), rs.getString("stored_path"),
                rs.getString("sha256"), sizeOrNull, rs.getString("source_key"), rs.getString("added_by"),
                at.toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
