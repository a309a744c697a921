package dev.mamori.inventory.internal.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of register imports: previews with their findings ({@code inventory.import_preview},
 * {@code inventory.import_finding}) and the column mappings remembered by header signature
 * ({@code inventory.import_mapping}).
 */
@Repository
class RegisterImportStore {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RegisterImportStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** What a check of the file found: exact counts, and the findings kept for showing. */
    static final class Tally {
        final int keep;
        int rows;
        int toCreate;
        int toChange;
        int unchanged;
        int errors;
        int warnings;
        final List<Finding> kept = new ArrayList<>();

        Tally(int keep) {
            this.keep = keep;
        }

        void add(Finding f) {
            if (f.severity() == Finding.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            if (kept.size() < keep) {
                kept.add(f);
            }
        }
    }

    void insert(ImportPreview p, long sizeBytes) {
        jdbc.sql("""
                        insert into inventory.import_preview (id, file_name, format, encoding, sha256, size_bytes, layout,
                          signature, headers, samples, header_row, mapping, default_department_id, created_by, created_at,
                          expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(p.id(), p.fileName(), p.format(), p.encoding(), p.sha256(), sizeBytes, p.layout().name(),
                        p.signature(),
                        json.writeValueAsString(p.headers()), json.writeValueAsString(p.samples()), p.headerRow(),
                        mapping(p.mapping()), p.defaultDepartmentId(), p.createdBy(), Timestamp.from(p.createdAt()),
                        Timestamp.from(p.expiresAt()))
                .update();
    }

    /** Replaces the mapping, the counts and the findings of a preview with those of a new check. */
    void checked(UUID id, Layout layout, List<ImportField> mapping, Tally t) {
        jdbc.sql("""
                        update inventory.import_preview set layout = ?, mapping = cast(? as jsonb), row_count = ?,
                          to_create = ?, to_change = ?, unchanged = ?, error_count = ?, warning_count = ?
                        where id = ?""")
                .params(layout.name(), mapping(mapping), t.rows, t.toCreate, t.toChange, t.unchanged, t.errors,
                        t.warnings, id)
                .update();
        jdbc.sql("delete from inventory.import_finding where preview_id = ?").param(id).update();
        List<Finding> sorted = new ArrayList<>(t.kept);
        sorted.sort(java.util.Comparator.comparingInt(Finding::row).thenComparing(Finding::column,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        List<Object[]> batch = new ArrayList<>();
        for (int seq = 0; seq < sorted.size(); seq++) {
            Finding f = sorted.get(seq);
            batch.add(new Object[] {id, seq, f.severity().name(), f.row(), f.column(), f.messageKey(),
                    json.writeValueAsString(f.args())});
        }
        template.batchUpdate("""
                insert into inventory.import_finding (preview_id, seq, severity, row_number, column_index, message_key, args)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""", batch);
    }

    void applied(UUID id, Instant at, Tally t) {
        jdbc.sql("""
                        update inventory.import_preview set applied_at = ?, row_count = ?, to_create = ?, to_change = ?,
                          unchanged = ? where id = ?""")
                .params(Timestamp.from(at), t.rows, t.toCreate, t.toChange, t.unchanged, id).update();
    }

    Optional<ImportPreview> find(UUID id, Instant now, boolean lock) {
        return jdbc.sql("select * from inventory.import_preview where id = ?" + (lock ? " for update" : "")).param(id)
                .query((rs, i) -> map(rs, now)).optional();
    }

    /** Findings in file order, errors and warnings together or of one severity (null: both). */
    List<Finding> findings(UUID id, Finding.Severity severity, int offset, int limit) {
        return jdbc.sql("""
                        select * from inventory.import_finding where preview_id = ? and (cast(? as text) is null or severity = ?)
                        order by seq limit ? offset ?""")
                .params(id, severity == null ? null : severity.name(), severity == null ? null : severity.name(), limit,
                        offset)
                .query((rs, i) -> new Finding(rs.getInt("row_number"), (Integer) rs.getObject("column_index"),
                        Finding.Severity.valueOf(rs.getString("severity")), rs.getString("message_key"),
                        json.readValue(rs.getString("args"), TEXTS)))
                .list();
    }

    long countFindings(UUID id, Finding.Severity severity) {
        return jdbc.sql("select count(*) from inventory.import_finding where preview_id = ? and severity = ?")
                .params(id, severity.name()).query(Long.class).single();
    }

    List<UUID> deleteExpired(Instant now) {
        return jdbc.sql("delete from inventory.import_preview where expires_at < ? returning id")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    Optional<List<ImportField>> rememberedMapping(String signature) {
        return jdbc.sql("select mapping from inventory.import_mapping where signature = ?").param(signature)
                .query(String.class).optional().map(this::fields);
    }

    void remember(String signature, List<ImportField> mapping, long accountId) {
        jdbc.sql("""
                        insert into inventory.import_mapping (signature, mapping, updated_by) values (?, cast(? as jsonb), ?)
                        on conflict (signature) do update set mapping = excluded.mapping, updated_by = excluded.updated_by,
                          updated_at = now()""")
                .params(signature, mapping(mapping), accountId).update();
    }

    private String mapping(List<ImportField> mapping) {
        return mapping == null ? null : json.writeValueAsString(mapping.stream().map(Enum::name).toList());
    }

    private List<ImportField> fields(String text) {
        return text == null ? null : json.readValue(text, TEXTS).stream()
                .map(n -> ImportField.parse(n).orElse(ImportField.IGNORE)).toList();
    }

    private ImportPreview map(ResultSet rs, Instant now) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        long department = rs.getLong("default_department_id");
        Long defaultDepartment = rs.wasNull() ? null : department;
        return new ImportPreview(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("format"),
                rs.getString("encoding"), rs.getString("sha256"), Layout.valueOf(rs.getString("layout")),
                rs.getString("signature"), json.readValue(rs.getString("headers"), TEXTS),
                json.readValue(rs.getString("samples"), ROWS), rs.getInt("header_row"), fields(rs.getString("mapping")),
                defaultDepartment, rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), expires,
                rs.getInt("row_count"), rs.getInt("to_create"), rs.getInt("to_change"), rs.getInt("unchanged"),
                rs.getInt("error_count"), rs.getInt("warning_count"), applied == null ? null : applied.toInstant(),
                expires.isBefore(now));
    }
}
