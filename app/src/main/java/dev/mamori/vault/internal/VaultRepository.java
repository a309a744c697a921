package dev.mamori.vault.internal;

import java.sql.Date;
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

import dev.mamori.vault.CopyKind;
import dev.mamori.vault.Settlement;

/** SQL of the vault schema. */
@Repository
class VaultRepository {

    record DocumentRow(long id, long assetId, String title, Instant createdAt, long createdBy, Instant disposedAt,
                       Long disposedBy, String disposalReason) {
    }

    record VersionRow(long id, long documentId, int number, String fileName, String contentType, long size,
                      String sha256, String storageName, String keyId, byte[] wrappedKey, Instant uploadedAt,
                      long uploadedBy) {
    }

    record CopyRow(long id, long documentId, long versionId, int copyNumber, CopyKind kind, long personId,
                   String recipientName, String employeeNumber, Instant issuedAt, long issuedBy, String fingerprint,
                   boolean marked, Long distributionId, String purpose, LocalDate dueOn, Instant settledAt,
                   Settlement settledAs, String settledNote) {
    }

    private final JdbcClient jdbc;

    VaultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDocument(long assetId, String title, long by) {
        return jdbc.sql("insert into vault.document (asset_id, title, created_by_person) values (?, ?, ?) returning id")
                .params(assetId, title, by).query(Long.class).single();
    }

    /** The document, locked for an update (new version, copy numbers, disposal). */
    Optional<DocumentRow> lockDocument(long id) {
        return jdbc.sql("select * from vault.document where id = ? for update").param(id).query(this::document).optional();
    }

    Optional<DocumentRow> findDocument(long id) {
        return jdbc.sql("select * from vault.document where id = ?").param(id).query(this::document).optional();
    }

    List<DocumentRow> documentsOf(long assetId) {
        return jdbc.sql("select * from vault.document where asset_id = ? order by created_at desc, id desc")
                .param(assetId).query(this::document).list();
    }

    List<DocumentRow> latestDocuments(int limit) {
        return jdbc.sql("select * from vault.document where disposed_at is null order by created_at desc, id desc limit ?")
                .param(limit).query(this::document).list();
    }

    /** The entries that have documents not disposed of. */
    List<Long> assetsWithDocuments() {
        return jdbc.sql("select distinct asset_id from vault.document where disposed_at is null").query(Long.class).list();
    }

    /** The newest documents not disposed of under the given entries. */
    List<DocumentRow> latestDocuments(Collection<Long> assetIds, int limit) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from vault.document where disposed_at is null and asset_id = any(:assets)
                        order by created_at desc, id desc limit :limit""")
                .param("assets", assetIds.toArray(Long[]::new)).param("limit", limit).query(this::document).list();
    }

    long insertVersion(long documentId, String fileName, String contentType, long size, String sha256,
                       String storageName, String keyId, byte[] wrappedKey, long by) {
        return jdbc.sql("""
                        insert into vault.version (document_id, number, file_name, content_type, size_bytes, sha256,
                          storage_name, key_id, wrapped_key, uploaded_by_person)
                        values (:d, (select coalesce(max(number), 0) + 1 from vault.version where document_id = :d),
                          :name, :type, :size, :sha, :storage, :keyId, :wrapped, :by) returning id""")
                .param("d", documentId).param("name", fileName).param("type", contentType).param("size", size)
                .param("sha", sha256).param("storage", storageName).param("keyId", keyId).param("wrapped", wrappedKey)
                .param("by", by).query(Long.class).single();
    }

    List<VersionRow> versionsOf(long documentId) {
        return jdbc.sql("select * from vault.version where document_id = ? order by number desc").param(documentId)
                .query(this::version).list();
    }

    Optional<VersionRow> findVersion(long id) {
        return jdbc.sql("select * from vault.version where id = ?").param(id).query(this::version).optional();
    }

    /** Forgets every data key of the document: from now on its ciphertexts cannot be opened. */
    int shredKeys(long documentId) {
        return jdbc.sql("update vault.version set wrapped_key = null where document_id = ?").param(documentId).update();
    }

    void markDisposed(long documentId, long by, String reason, byte[] certificate) {
        jdbc.sql("update vault.document set disposed_at = now(), disposed_by_person = ?, disposal_reason = ?, certificate = ? where id = ?")
                .params(by, reason, certificate, documentId).update();
    }

    Optional<byte[]> certificate(long documentId) {
        return jdbc.sql("select certificate from vault.document where id = ? and certificate is not null")
                .param(documentId).query(byte[].class).optional();
    }

    long insertDistribution(long documentId, long versionId, String purpose, LocalDate dueOn, long by) {
        return jdbc.sql("insert into vault.distribution (document_id, version_id, purpose, due_on, issued_by_person) values (?, ?, ?, ?, ?) returning id")
                .params(documentId, versionId, purpose, Date.valueOf(dueOn), by).query(Long.class).single();
    }

    /** A new copy with the document's next copy number; the caller holds the document's lock. */
    long insertCopy(long documentId, long versionId, CopyKind kind, long personId, String recipientName,
                    String employeeNumber, long by, String fingerprint, boolean marked, Long distributionId, LocalDate dueOn) {
        return jdbc.sql("""
                        insert into vault.copy (document_id, version_id, copy_number, kind, person_id, recipient_name,
                          employee_number, issued_by_person, fingerprint, marked, distribution_id, due_on)
                        values (:d, :v, (select coalesce(max(copy_number), 0) + 1 from vault.copy where document_id = :d),
                          :kind, :person, :name, :number, :by, :fp, :marked, :dist, :due) returning id""")
                .param("d", documentId).param("v", versionId).param("kind", kind.name()).param("person", personId)
                .param("name", recipientName).param("number", employeeNumber).param("by", by).param("fp", fingerprint)
                .param("marked", marked).param("dist", distributionId).param("due", dueOn == null ? null : Date.valueOf(dueOn))
                .query(Long.class).single();
    }

    private static final String COPY_SELECT = """
            select c.*, d.purpose from vault.copy c left join vault.distribution d on d.id = c.distribution_id""";

    Optional<CopyRow> findCopy(long id) {
        return jdbc.sql(COPY_SELECT + " where c.id = ?").param(id).query(this::copy).optional();
    }

    /** The copies of the fingerprints, most recently issued first. */
    List<CopyRow> findCopiesByFingerprints(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COPY_SELECT + " where c.fingerprint in (:fps) order by c.issued_at desc, c.id desc")
                .param("fps", List.copyOf(fingerprints)).query(this::copy).list();
    }

    List<CopyRow> copiesOf(long documentId) {
        return jdbc.sql(COPY_SELECT + " where c.document_id = ? order by c.issued_at desc, c.id desc limit 2000")
                .param(documentId).query(this::copy).list();
    }

    /** Numbered copies issued by or to the person (null: all), open first, then by deadline. */
    List<CopyRow> numberedCopies(Long personId) {
        return jdbc.sql(COPY_SELECT + " where c.kind = 'NUMBERED' and (cast(:p as bigint) is null or c.person_id = :p"
                        + " or c.issued_by_person = :p) order by (c.settled_at is null) desc, c.due_on, c.id limit 1000")
                .param("p", personId).query(this::copy).list();
    }

    /** Numbered copies issued by or to the person, or of documents under the given entries (the ones they manage). */
    List<CopyRow> numberedCopies(long personId, Collection<Long> managedAssetIds) {
        return jdbc.sql(COPY_SELECT + " where c.kind = 'NUMBERED' and (c.person_id = :p or c.issued_by_person = :p"
                        + " or c.document_id in (select d.id from vault.document d where d.asset_id = any(:assets)))"
                        + " order by (c.settled_at is null) desc, c.due_on, c.id limit 1000")
                .param("p", personId).param("assets", managedAssetIds.toArray(Long[]::new)).query(this::copy).list();
    }

    /** The entries whose documents have numbered copies. */
    List<Long> assetsWithNumberedCopies() {
        return jdbc.sql("select distinct d.asset_id from vault.document d join vault.copy c on c.document_id = d.id"
                + " where c.kind = 'NUMBERED'").query(Long.class).list();
    }

    List<CopyRow> copiesToRemind(LocalDate today) {
        return jdbc.sql(COPY_SELECT + " where c.kind = 'NUMBERED' and c.settled_at is null and c.due_on <= ? and c.reminded_on is null order by c.id")
                .param(Date.valueOf(today)).query(this::copy).list();
    }

    List<CopyRow> copiesToEscalate(LocalDate today) {
        return jdbc.sql(COPY_SELECT + " where c.kind = 'NUMBERED' and c.settled_at is null and c.due_on < ? and c.escalated_on is null order by c.id")
                .param(Date.valueOf(today)).query(this::copy).list();
    }

    void markReminded(Collection<Long> ids, LocalDate on) {
        ids.forEach(id -> jdbc.sql("update vault.copy set reminded_on = ? where id = ?").params(Date.valueOf(on), id).update());
    }

    void markEscalated(Collection<Long> ids, LocalDate on) {
        ids.forEach(id -> jdbc.sql("update vault.copy set escalated_on = ? where id = ?").params(Date.valueOf(on), id).update());
    }

    int settle(long copyId, Settlement as, String note) {
        return jdbc.sql("update vault.copy set settled_at = now(), settled_as = ?, settled_note = ? where id = ? and settled_at is null")
                .params(as.name(), note, copyId).update();
    }

    private DocumentRow document(ResultSet rs, int i) throws SQLException {
        return new DocumentRow(rs.getLong("id"), rs.getLong("asset_id"), rs.getString("title"), instant(rs, "created_at"),
                rs.getLong("created_by_person"), instant(rs, "disposed_at"), (Long) rs.getObject("disposed_by_person"),
                rs.getString("disposal_reason"));
    }

    private VersionRow version(ResultSet rs, int i) throws SQLException {
        return new VersionRow(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("number"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_name"),
                rs.getString("key_id"), rs.getBytes("wrapped_key"), instant(rs, "uploaded_at"), rs.getLong("uploaded_by_person"));
    }

    private CopyRow copy(ResultSet rs, int i) throws SQLException {
        Date due = rs.getDate("due_on");
        String settledAs = rs.getString("settled_as");
        return new CopyRow(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("version_id"), rs.getInt("copy_number"),
                CopyKind.valueOf(rs.getString("kind")), rs.getLong("person_id"), rs.getString("recipient_name"),
                rs.getString("employee_number"), instant(rs, "issued_at"), rs.getLong("issued_by_person"),
                rs.getString("fingerprint"), rs.getBoolean("marked"), (Long) rs.getObject("distribution_id"),
                rs.getString("purpose"), due == null ? null : due.toLocalDate(), instant(rs, "settled_at"),
                settledAs == null ? null : Settlement.valueOf(settledAs), rs.getString("settled_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
