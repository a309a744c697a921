package dev.mamori.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mamori.support.TestUsers;
import dev.mamori.vault.internal.marking.FileFormat;

/**
 * With the demo company (the database shared with the other demo tests) the vault holds PDF and Word documents
 * under secret entries, stored encrypted and readable again, and one numbered copy past its deadline, already
 * escalated to the 統括責任者.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class VaultDemoCompanyTests {

    @Autowired JdbcClient jdbc;
    @Autowired VaultRepository repo;
    @Autowired VaultService service;

    @Test
    void theDemoCompanyHasEncryptedDocumentsAndAnOverdueNumberedCopy() {
        List<Long> documents = jdbc.sql("select id from vault.document order by id").query(Long.class).list();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(2);
        List<FileFormat> formats = documents.stream().flatMap(id -> repo.versionsOf(id).stream())
                .map(v -> FileFormat.of(service.open(v))).distinct().toList();
        assertThat(formats).contains(FileFormat.PDF, FileFormat.DOCX);
        assertThat(jdbc.sql("select count(*) from vault.copy where kind = 'NUMBERED' and settled_at is null and due_on < current_date")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // escalated as the daily reminder would have: the 統括責任者's inbox says so, as the copy tracker promises
        assertThat(jdbc.sql("select count(*) from platform.notification n join platform.account a on a.id = n.account_id"
                        + " where a.username = 'chief' and n.message_key = 'vault.notice.copyOverdue'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
