package dev.mamori.lifecycle.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.lifecycle.StoredDocument;

/** Uploaded pledges, kept in PostgreSQL. */
@Repository
public class PledgeFileRepository {

    private final JdbcClient jdbc;

    PledgeFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String fileName, String contentType, String sha256, byte[] content) {
        return jdbc.sql("""
                        insert into lifecycle.document (file_name, content_type, sha256, size, content)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(fileName, contentType, sha256, (long) content.length, content).query(Long.class).single();
    }

    public Optional<StoredDocument> find(long id) {
        return jdbc.sql("select * from lifecycle.document where id = ?").param(id)
                .query((rs, i) -> new StoredDocument(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getString("sha256"), rs.getBytes("content"))).optional();
    }

    /** Whether the document belongs to a leaver step of this person or to this hire (for download checks). */
    public Optional<Long> ownerPersonOfStepDocument(long id) {
        return jdbc.sql("select person_id from lifecycle.leaver_step where document_id = ? limit 1").param(id)
                .query(Long.class).optional();
    }
}
