package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * A file the vault could never hand out marked is refused at upload (and as a new version) with a 400 that
 * names the reason in Japanese and English, keeping the rest of the form: a PDF that opens only with a
 * password, an encrypted Office file, an image that cannot be read. Nothing is stored.
 */
@MamoriTest
class VaultUploadCheckTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    static byte[] pdf() {
        return SampleFiles.pdf(MarkFont.locate(null), "暗号化した文書", "本文", 1);
    }

    /** The PDF, encrypted (AES-256) so that it opens only with the user password; the owner password as well if given. */
    static byte[] protectedPdf(String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX encrypted with a password (ECMA-376 agile encryption, as Word does it): an OLE2 container. */
    static byte[] encryptedDocx() throws Exception {
        byte[] docx = SampleFiles.docx("暗号化した文書", "本文");
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx)); OutputStream data = encryptor.getDataStream(fs)) {
                opc.save(data);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A PNG signature and header followed by bytes that are no image data. */
    static byte[] corruptPng() {
        byte[] png = SampleFiles.image("png", 40, 30);
        byte[] broken = Arrays.copyOf(png, 33 + 64);
        Arrays.fill(broken, 33, broken.length, (byte) 0x5A);
        return broken;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aPdfThatOpensOnlyWithAPasswordIsRefusedBesideTheFileKeepingTheTitle(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String title = Register.unique("鍵付きPDF");
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId)
                        .file(new MockMultipartFile("file", "locked.pdf", "application/pdf", protectedPdf("user-secret")))
                        .param("title", title).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-file", "vault.file.pdfPassword", lang))
                .andExpect(content().string(containsString("value=\"" + title + "\"")));
        assertThat(titles()).doesNotContain(title);
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsStoredAndHandedOutMarked() throws Exception {
        byte[] ownerOnly = protectedPdf("");
        DocumentView d = Register.as(f.manager, () -> vault.create(f.assetId, "権限パスワードのみ",
                new Upload("owner.pdf", "application/pdf", ownerOnly)));
        byte[] copy = Register.as(f.manager, () -> vault.download(d.id(), null)).content();
        try (PDDocument doc = Loader.loadPDF(copy)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("管理 一郎");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void anEncryptedOfficeFileIsRefusedOnThePageAndThroughTheApi(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String title = Register.unique("暗号化Word");
        byte[] docx = encryptedDocx();
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId)
                        .file(new MockMultipartFile("file", "locked.docx", "application/octet-stream", docx))
                        .param("title", title).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-file", "vault.file.encryptedOffice", lang))
                .andExpect(content().string(containsString("value=\"" + title + "\"")));
        mvc.perform(multipart("/api/v1/vault/documents").file(new MockMultipartFile("file", "locked.docx", null, docx))
                        .param("assetId", String.valueOf(f.assetId)).param("title", title).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("vault.file.encryptedOffice"))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail_ja").value(messages.getMessage("vault.file.encryptedOffice", null, Locale.JAPANESE)))
                .andExpect(jsonPath("$.detail_en").value(messages.getMessage("vault.file.encryptedOffice", null, Locale.ENGLISH)));
        assertThat(titles()).doesNotContain(title);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void anImageThatCannotBeReadIsRefusedAsANewVersionAndTheDocumentKeepsItsVersions(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        long id = f.uploadPdf(Register.unique("版の追加"));
        mvc.perform(multipart("/vault/documents/{id}/versions", id)
                        .file(new MockMultipartFile("file", "broken.png", "image/png", corruptPng()))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-version-file", "vault.file.imageUnreadable", lang));
        String title = Register.unique("壊れた画像");
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId)
                        .file(new MockMultipartFile("file", "broken.png", "image/png", corruptPng()))
                        .param("title", title).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-file", "vault.file.imageUnreadable", lang));
        assertThat(Register.as(f.manager, () -> vault.document(id)).versions()).hasSize(1);
        assertThat(titles()).doesNotContain(title);
    }

    private java.util.List<String> titles() {
        return Register.as(f.manager, () -> vault.documents(f.assetId)).stream().map(DocumentView::title).toList();
    }

    private ResultMatcher beside(String id, String key, String lang) {
        String text = HtmlUtils.htmlEscape(messages.getMessage(key, null, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>\\s*" + Pattern.quote(text) + "\\s*</p>.*"));
    }
}
