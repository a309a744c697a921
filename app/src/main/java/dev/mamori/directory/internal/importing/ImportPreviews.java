package dev.mamori.directory.internal.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for previews and their findings ({@code directory.import_preview}, {@code directory.import_finding}).
 */
@Repository
class ImportPreviews {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ImportPreviews(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    record Stored(UUID id, ImportKind kind, String fileName, String format, String encoding, String sha256, long size) {
    }

    void insert(Stored s, long createdBy, Instant createdAt, Instant expiresAt, Tally t) {
        jdbc.sql("""
                        insert into directory.import_preview (id, kind, file_name, format, encoding, sha256, size_bytes,
                            created_by, created_at, expires_at, row_count, to_create, to_change, unchanged, error_count,
                            event_count, event_counts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(s.id(), s.kind().name(), s.fileName(), s.format(), s.encoding(), s.sha256(), s.size(), createdBy,
                        Timestamp.from(createdAt), Timestamp.from(expiresAt), t.rows, t.toCreate, t.toChange, t.unchanged,
                        t.errorCount, t.eventCount, json.writeValueAsString(t.eventCounts))
                .update();
        List<Finding> errors = new ArrayList<>(t.errors);
        errors.sort(java.util.Comparator.comparingInt(Finding::row)); // stable: a row's errors keep their order
        insertFindings(s.id(), "ERROR", errors);
        insertFindings(s.id(), "EVENT", t.events);
    }

    private void insertFindings(UUID id, String kind, List<Finding> findings) {
        List<Object[]> rows = new ArrayList<>(findings.size());
        int seq = 0;
        for (Finding f : findings) {
            rows.add(new Object[] {id, kind, seq++, f.row(), f.key(), f.column() == null ? null : f.column().name(),
                    f.messageKey(), json.writeValueAsString(f.args())});
        }
        template.batchUpdate("""
                insert into directory.import_finding (preview_id, kind, seq, row_number, key_value, column_name,
                    message_key, args) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", rows);
    }

    /**
     * Makes PostgreSQL plan each statement of this transaction with its actual parameters. An import
     * runs the same lookups a hundred times while the tables grow inside its transaction; a cached
     * generic plan made while they were small (sequential scans) would make it quadratic.
     */
    void planEachStatementAnew() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    Optional<ImportPreview> find(UUID id, Instant now) {
        return jdbc.sql("select * from directory.import_preview where id = ?").param(id)
                .query((rs, i) -> map(rs, now)).optional();
    }

    /** The preview, locked until the end of the transaction so that it is applied at most once. */
    Optional<ImportPreview> lock(UUID id, Instant now) {
        return jdbc.sql("select * from directory.import_preview where id = ? for update").param(id)
                .query((rs, i) -> map(rs, now)).optional();
    }

    void markApplied(UUID id, Instant at, Tally t) {
        jdbc.sql("""
                        update directory.import_preview set applied_at = ?, row_count = ?, to_create = ?, to_change = ?,
                            unchanged = ?, event_count = ?, event_counts = cast(? as jsonb) where id = ?""")
                .params(Timestamp.from(at), t.rows, t.toCreate, t.toChange, t.unchanged, t.eventCount,
                        json.writeValueAsString(t.eventCounts), id)
                .update();
    }

    FindingPage findings(UUID id, String kind, int page, int size) {
        long total = jdbc.sql("select count(*) from directory.import_finding where preview_id = ? and kind = ?")
                .params(id, kind).query(Long.class).single();
        List<Finding> items = jdbc.sql("""
                        select * from directory.import_finding where preview_id = ? and kind = ?
                        order by seq limit ? offset ?""")
                .params(id, kind, size, (long) page * size)
                .query((rs, i) -> new Finding(rs.getInt("row_number"), rs.getString("key_value"),
                        rs.getString("column_name") == null ? null : Column.valueOf(rs.getString("column_name")),
                        rs.getString("message_key"), json.readValue(rs.getString("args"), ARGS)))
                .list();
        return new FindingPage(items, page, size, total);
    }

    /** Deletes previews that expired before {@code now}; returns their ids (their files go too). */
    List<UUID> deleteExpired(Instant now) {
        return jdbc.sql("delete from directory.import_preview where expires_at < ? returning id")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    private ImportPreview map(ResultSet rs, Instant now) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        return new ImportPreview(rs.getObject("id", UUID.class), ImportKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("format"), rs.getString("encoding"), rs.getString("sha256"),
                rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), expires, rs.getInt("row_count"),
                rs.getInt("to_create"), rs.getInt("to_change"), rs.getInt("unchanged"), rs.getInt("error_count"),
                rs.getInt("event_count"), json.readValue(rs.getString("event_counts"), COUNTS),
                applied == null ? null : applied.toInstant(), expires.isBefore(now));
    }
}
