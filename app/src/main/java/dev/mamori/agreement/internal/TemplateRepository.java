package dev.mamori.agreement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** SQL for template versions ({@code agreement.template_version}) and generated documents. */
@Repository
class TemplateRepository {

    private static final String DOC = """
            select d.id, d.kind, d.template_version_id, t.number, d.title, d.person_id, d.counterparty, d.text_sha256,
                   d.docx_sha256, d.pdf_sha256, d.created_at, d.created_by
            from agreement.document d join agreement.template_version t on t.id = d.template_version_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void lock(TemplateKind kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("agreement.template." + kind.name())
                .query((rs, n) -> 1).list();
    }

    int nextNumber(TemplateKind kind) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from agreement.template_version where kind = ?")
                .param(kind.name()).query(Integer.class).single();
    }

    long insert(TemplateKind kind, int number, String source, String sha256, String note, String createdBy) {
        return jdbc.sql("""
                        insert into agreement.template_version (kind, number, source, sha256, note, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(kind.name(), number, source, sha256, note, createdBy).query(Long.class).single();
    }

    List<TemplateVersion> versions(TemplateKind kind) {
        return jdbc.sql("select * from agreement.template_version where kind = ? order by number desc")
                .param(kind.name()).query(TemplateRepository::version).list();
    }

    Optional<TemplateVersion> version(TemplateKind kind, int number) {
        return jdbc.sql("select * from agreement.template_version where kind = ? and number = ?")
                .params(kind.name(), number).query(TemplateRepository::version).optional();
    }

    Optional<TemplateVersion> latest(TemplateKind kind) {
        return jdbc.sql("select * from agreement.template_version where kind = ? order by number desc limit 1")
                .param(kind.name()).query(TemplateRepository::version).optional();
    }

    long insertDocument(TemplateVersion version, String title, String company, Long personId, String counterparty,
                        Map<String, Object> values, String content, String textSha, byte[] docx, String docxSha,
                        byte[] pdf, String pdfSha, String createdBy) {
        return jdbc.sql("""
                        insert into agreement.document (kind, template_version_id, title, company, person_id, counterparty,
                            template_values, content, text_sha256, docx, docx_sha256, pdf, pdf_sha256, created_by)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(version.kind().name(), version.id(), title, company, personId, counterparty, json.writeValueAsString(values),
                        content, textSha, docx, docxSha, pdf, pdfSha, createdBy)
                .query(Long.class).single();
    }

    Optional<GeneratedDocument> document(long id) {
        return jdbc.sql(DOC + " where d.id = ?").param(id).query(TemplateRepository::document).optional();
    }

    List<GeneratedDocument> documentsFor(TemplateKind kind, int limit) {
        return jdbc.sql(DOC + " where d.kind = ? and d.person_id is null order by d.id desc limit ?")
                .params(kind.name(), limit).query(TemplateRepository::document).list();
    }

    void storeFiles(long id, byte[] docx, String docxSha, byte[] pdf, String pdfSha) {
        jdbc.sql("update agreement.document set docx = ?, docx_sha256 = ?, pdf = coalesce(pdf, ?), pdf_sha256 = coalesce(pdf_sha256, ?) where id = ?")
                .params(docx, docxSha, pdf, pdfSha, id).update();
    }

    Optional<String> company(long id) {
        return jdbc.sql("select company from agreement.document where id = ?").param(id).query(String.class).optional();
    }

    Optional<String> content(long id) {
        return jdbc.sql("select content from agreement.document where id = ?").param(id).query(String.class).optional();
    }

    Optional<byte[]> file(long id, boolean pdf) {
        return jdbc.sql("select " + (pdf ? "pdf" : "docx") + " from agreement.document where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional().filter(b -> b != null);
    }

    private static TemplateVersion version(ResultSet rs, int n) throws SQLException {
        return new TemplateVersion(rs.getLong("id"), TemplateKind.valueOf(rs.getString("kind")), rs.getInt("number"),
                rs.getString("source"), rs.getString("sha256"), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static GeneratedDocument document(ResultSet rs, int n) throws SQLException {
        return new GeneratedDocument(rs.getLong("id"), TemplateKind.valueOf(rs.getString("kind")),
                rs.getLong("template_version_id"), rs.getInt("number"), rs.getString("title"),
                (Long) rs.getObject("person_id"), rs.getString("counterparty"), rs.getString("text_sha256"),
                rs.getString("docx_sha256"), rs.getString("pdf_sha256"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
