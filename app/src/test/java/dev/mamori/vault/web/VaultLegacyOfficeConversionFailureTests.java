package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.MamoriException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.Viewing;
import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.LegacyFiles;
import dev.mamori.vault.internal.marking.OfficeConverter;

/**
 * When LibreOffice fails or runs out of time converting a stored legacy file for a copy, nothing is issued: the
 * download, the numbered copy's file and the viewer roll back (no copy in the viewing record, no ledger entry) and
 * the person is told so in Japanese or English (HTTP 503). Here LibreOffice is a wrapper around the real one that
 * fails (or hangs past the timeout) once a flag file exists, so the file is uploaded — converted at upload — first.
 * A context of its own (another converter setting) on a database of its own.
 */
@SpringBootTest(properties = {"mamori.db.embedded-database=vault_legacy_failing", "mamori.vault.viewer.office-timeout=20s"})
@AutoConfigureMockMvc
@Import(TestUsers.class)
class VaultLegacyOfficeConversionFailureTests {

    static Path dir;
    static Path fail;
    static Path hang;

    @DynamicPropertySource
    static void wrapper(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("mamori-failing-soffice-");
        fail = dir.resolve("fail");
        hang = dir.resolve("hang");
        Path program = dir.resolve("soffice");
        Files.writeString(program, "#!/bin/sh\n"
                + "if [ -e '" + fail + "' ]; then echo 'conversion refused for the test'; exit 7; fi\n"
                + "if [ -e '" + hang + "' ]; then exec sleep 600; fi\n"
                + "exec " + OfficeConverter.DEFAULT_PROGRAM + " \"$@\"\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        registry.add("mamori.vault.viewer.office-converter", program::toString);
    }

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed; runs always under CI");
        f = new VaultFixture(context);
    }

    @AfterEach
    void working() throws IOException {
        Files.deleteIfExists(fail);
        Files.deleteIfExists(hang);
    }

    long uploadDoc(String title) {
        byte[] doc = LegacyFiles.of(FileFormat.DOC, "議事録", "新型ポンプの量産計画");
        return Register.as(f.manager, () -> vault.create(f.assetId, title, new Upload("議事録.doc", null, doc))).id();
    }

    List<String> actions(Subject subject) {
        return ledger.historyOf(subject).stream().map(LedgerEntry::action).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aFailedConversionIssuesNothingAndSaysSo(String lang) throws Exception {
        long id = uploadDoc("変換に失敗する議事録 " + lang);
        CopyView numbered = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
        List<String> before = actions(Subject.of("vault-document", id));
        Files.createFile(fail);

        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String text = HtmlUtils.htmlEscape(messages.getMessage("vault.file.legacyConversionFailed", null,
                Locale.forLanguageTag(lang)));
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(manager)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString(text)));
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(manager)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("vault.file.legacyConversionFailed"));
        // the numbered copy's file: neither for its recipient nor for the issuer printing it
        MamoriUserDetails holder = users.inLanguage(f.holder, Locale.forLanguageTag(lang));
        mvc.perform(get("/vault/copies/{id}/file", numbered.id()).with(as(holder)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString(text)));
        mvc.perform(get("/vault/copies/{id}/file", numbered.id()).with(as(manager)))
                .andExpect(status().isServiceUnavailable());
        // the viewer says it could not be shown
        Viewing viewing = Register.as(f.holder, () -> vault.openViewer(id, null));
        assertThat(viewing.shown()).isFalse();
        assertThat(viewing.conversionFailed()).isTrue();
        assertThat(viewing.format()).isEqualTo("DOC");

        // nothing was issued: only the numbered copy itself is in the viewing record, the ledger has nothing new
        assertThat(Register.as(f.manager, () -> vault.records(id))).extracting(CopyView::id).containsExactly(numbered.id());
        assertThat(actions(Subject.of("vault-document", id))).isEqualTo(before);
        assertThat(actions(Subject.of("vault-copy", numbered.id()))).doesNotContain("vault.copy.downloaded");

        // once LibreOffice works again, so does the download
        Files.delete(fail);
        assertThat(Register.as(f.manager, () -> vault.download(id, null)).contentType()).isEqualTo(FileFormat.DOCX.contentType());
        assertThat(Register.as(f.manager, () -> vault.records(id))).hasSize(2);
    }

    @Test
    void aConversionOutOfTimeIsKilledAndIssuesNothing() throws Exception {
        long id = uploadDoc("時間切れの議事録");
        List<String> before = actions(Subject.of("vault-document", id));
        Files.createFile(hang);
        assertThatThrownBy(() -> Register.as(f.manager, () -> vault.download(id, null)))
                .isInstanceOf(MamoriException.class)
                .satisfies(e -> {
                    assertThat(((MamoriException) e).messageKey()).isEqualTo("vault.file.legacyConversionFailed");
                    assertThat(((MamoriException) e).status()).isEqualTo(503);
                });
        assertThat(Register.as(f.manager, () -> vault.records(id))).isEmpty();
        assertThat(actions(Subject.of("vault-document", id))).isEqualTo(before);
        try (var all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains("sleep 600")).orElse(false))
                    .filter(p -> p.parent().map(q -> q.pid() == ProcessHandle.current().pid()).orElse(false)).toList())
                    .as("the hanging conversion was killed").isEmpty();
        }
    }
}
