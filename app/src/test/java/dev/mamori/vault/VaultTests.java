package dev.mamori.vault;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.Role;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.vault.internal.crypto.Aead;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * The vault end to end against the real database and the access check: storage encrypted at rest, views and
 * downloads only as the access check permits (each one marked and recorded), numbered copies with their
 * deadline, identification of a leaked copy, and disposal by crypto-shredding.
 */
@MamoriTest
class VaultTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired MamoriProperties properties;
    @Autowired KeyWrapper keys;
    @Autowired List<TaskContributor> tasks;

    VaultFixture f;
    static byte[] pdf;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        if (pdf == null) {
            pdf = SampleFiles.pdf(MarkFont.locate(null), "新型ポンプの設計書", "圧力 12.5 MPa の設計値", 2);
        }
    }

    long upload(String title) {
        return Register.as(f.manager, () -> vault.create(f.assetId, title, new Upload("設計書.pdf", "application/pdf", pdf))).id();
    }

    static String text(byte[] pdfBytes) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    Path stored(long documentId) {
        String name = jdbc.sql("select storage_name from vault.version where document_id = ? order by number desc limit 1")
                .param(documentId).query(String.class).single();
        return properties.dataDir().toAbsolutePath().normalize().resolve("vault/files").resolve(name);
    }

    // ---------------------------------------------------------------- storage

    @Test
    void storesTheFileEncryptedAndHandsTheManagerAMarkedCopy() throws Exception {
        long id = upload("設計書");
        byte[] onDisk = Files.readAllBytes(stored(id));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(onDisk.length).isEqualTo(pdf.length + 4 + 12 + 16);

        byte[] body = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = text(body);
        assertThat(text).contains("圧力 12.5 MPa", "極秘（アクセス権者限り）", "管理 一郎", "No.1");

        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .contains("vault.document.uploaded", "vault.document.downloaded");
    }

    @Test
    void uploadsUpToThirtyTwoMegabytesAreHeldInMemoryNotInTemporaryFiles() {
        jakarta.servlet.MultipartConfigElement multipart = context.getBean(jakarta.servlet.MultipartConfigElement.class);
        assertThat(multipart.getFileSizeThreshold()).isEqualTo(32 * 1024 * 1024);
    }

    @Test
    void aCopyCarriesTheMarkingTheEntrysDesignationGaveIt() throws Exception {
        dev.mamori.inventory.Inventory inventory = context.getBean(dev.mamori.inventory.Inventory.class);
        Register.as(f.manager, () -> {
            inventory.designate(f.assetId, new dev.mamori.inventory.DesignationDraft("TOP_SECRET",
                    List.of(dev.mamori.inventory.AccessHolder.person(f.holder.personId())), null, "製品の発売まで",
                    "極秘（開発部限り）", null));
            return null;
        });
        long id = upload("独自の表示");
        byte[] body = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(body)).contains("極秘（開発部限り）", "管理 一郎").doesNotContain("アクセス権者限り");
        IssuedFile holders = Register.as(f.holder, () -> vault.numberedCopyFile(issueTo(id, f.holder).id()));
        assertThat(text(holders.content())).contains("極秘（開発部限り）", "保持 花子");
    }

    @Test
    void theMasterKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path key = properties.dataDir().toAbsolutePath().normalize().resolve("vault/master.key");
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.size(key)).isEqualTo(32);
    }

    @Test
    void anAlteredCiphertextIsRefusedInsteadOfServed() throws Exception {
        long id = upload("改ざん検知");
        Path file = stored(id);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail_en").value(org.hamcrest.Matchers.containsString("altered")));
    }

    @Test
    void versionsAreKeptAndTheLatestIsServedByDefault() throws Exception {
        long id = upload("版管理");
        byte[] second = SampleFiles.pdf(MarkFont.locate(null), "第二版", "改訂した本文", 1);
        Register.as(f.manager, () -> vault.addVersion(id, new Upload("v2.pdf", null, second)));
        DocumentView d = Register.as(f.manager, () -> vault.document(id));
        assertThat(d.versions()).extracting(VersionView::number).containsExactly(2, 1);
        assertThat(text(Register.as(f.manager, () -> vault.download(id, null)).content())).contains("改訂した本文");
        assertThat(text(Register.as(f.manager, () -> vault.download(id, 1)).content())).contains("圧力 12.5 MPa");
    }

    // ---------------------------------------------------------------- what the browser is given

    static final String SANDBOX = "sandbox; default-src 'none'";

    @Test
    void anUploadedHtmlFileIsHandedOutAsAnOpaqueAttachmentNeverShownInTheBrowser() throws Exception {
        byte[] html = "<html><body><script>fetch('/api/v1/vault/documents')</script></body></html>".getBytes(StandardCharsets.UTF_8);
        String body = mvc.perform(multipart("/api/v1/vault/documents").file(new MockMultipartFile("file", "page.html", "text/html", html))
                        .param("assetId", String.valueOf(f.assetId)).param("title", "持ち込みHTML").with(as(f.manager)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions[0].contentType").value("application/octet-stream"))
                .andReturn().getResponse().getContentAsString();
        long id = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
        for (String url : List.of("/vault/documents/{id}/view", "/vault/documents/{id}/download", "/api/v1/vault/documents/{id}/download")) {
            mvc.perform(get(url, id).with(as(f.manager)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                    .andExpect(header().string("Content-Type", "application/octet-stream"))
                    .andExpect(header().stringValues("Content-Security-Policy", SANDBOX))
                    .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                    .andExpect(content().bytes(html));
        }
    }

    @Test
    void aPdfIsShownInTheBrowserInASandbox() throws Exception {
        long id = upload("表示");
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().stringValues("Content-Security-Policy", SANDBOX))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aMalformedUploadedTypeDoesNotBreakLaterViewsOrDownloads() throws Exception {
        byte[] notes = "議事メモ".getBytes(StandardCharsets.UTF_8);
        long id = Register.as(f.manager, () -> vault.create(f.assetId, "型不明", new Upload("memo.txt", "foo", notes))).id();
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(content().bytes(notes));
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
    }

    // ---------------------------------------------------------------- who may do what

    @Test
    void anonymousCallersAreRefused() throws Exception {
        long id = upload("匿名");
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/vault/documents").param("assetId", String.valueOf(f.assetId))).andExpect(status().isUnauthorized());
        mvc.perform(get("/vault/documents/{id}/download", id)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAccessHolderMayViewAStrictlyConfidentialDocumentInTheViewerButNotHaveTheFile() throws Exception {
        long id = upload("閲覧のみ");
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.holder)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/vault/documents/" + id + "/viewer")));
        assertThatThrownBy(() -> Register.as(f.holder, () -> vault.view(id, null))).isInstanceOf(ViewerOnlyException.class);
        assertThat(Register.as(f.holder, () -> vault.openViewer(id, null)).pages()).isEqualTo(2);
        // 極秘 electronic copies are for the manager only (the standard's rule, through the access check)
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/vault/documents").file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf))
                        .param("assetId", String.valueOf(f.assetId)).param("title", "持ち込み").with(as(f.holder)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/vault/documents/{id}/records", id).with(as(f.holder))).andExpect(status().isForbidden());
    }

    @Test
    void someoneOutsideTheAccessScopeSeesNothing() throws Exception {
        long id = upload("範囲外");
        mvc.perform(get("/api/v1/vault/documents/{id}", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.outsider))).andExpect(status().isNotFound());
        assertThat(Register.as(f.outsider, () -> vault.visibleDocuments(500))).extracting(DocumentView::id).doesNotContain(id);
        assertThat(Register.as(f.holder, () -> vault.visibleDocuments(500))).extracting(DocumentView::id).contains(id);
        MamoriUserDetails noPerson = f.withoutPerson(Role.EMPLOYEE);
        mvc.perform(get("/api/v1/vault/documents/{id}", id).with(as(noPerson))).andExpect(status().isForbidden());
    }

    @Test
    void anOldPermittedDocumentStaysOnTheListHoweverManyNewerOnesOthersHave() {
        long old = upload("古い設計書");
        VaultFixture other = new VaultFixture(context);
        // 501 newer documents under an entry the holder may not see (rows only; removed again below)
        jdbc.sql("""
                insert into vault.document (asset_id, title, created_by_person, created_at)
                select ?, '他部署の文書 ' || n, ?, now() + interval '1 hour' from generate_series(1, 501) n""")
                .params(other.assetId, other.manager.personId()).update();
        try {
            assertThat(Register.as(f.holder, () -> vault.visibleDocuments(10))).extracting(DocumentView::id).contains(old);
            assertThat(Register.as(other.holder, () -> vault.visibleDocuments(10))).hasSize(10)
                    .extracting(DocumentView::id).doesNotContain(old);
        } finally {
            jdbc.sql("delete from vault.document where asset_id = ?").param(other.assetId).update();
        }
    }

    @Test
    void everyViewAndDownloadIsInTheViewingRecordForTheManagerAndTheAuditor() throws Exception {
        long id = upload("閲覧記録");
        Register.as(f.holder, () -> vault.openViewer(id, null));
        Register.as(f.manager, () -> vault.download(id, null));
        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).extracting(CopyView::copyNumber).containsExactly(2, 1);
        assertThat(records).extracting(CopyView::kind).containsExactly(CopyKind.DOWNLOAD, CopyKind.VIEW);
        assertThat(records.get(1).recipientName()).isEqualTo("保持 花子");
        assertThat(records.get(1).versionNumber()).isEqualTo(1);
        MamoriUserDetails auditor = f.colleague("監査 三郎", Role.AUDITOR);
        mvc.perform(get("/vault/documents/{id}/records", id).with(as(auditor)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("保持 花子")));
        mvc.perform(get("/vault/documents/{id}/records", id).with(as(f.outsider))).andExpect(status().isNotFound());
    }

    @Test
    void pagesRenderForTheManager() throws Exception {
        long id = upload("画面");
        mvc.perform(get("/vault").with(as(f.manager))).andExpect(status().isOk());
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(f.manager)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("vault-upload")));
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("vault-dispose")));
        mvc.perform(get("/vault/copies").with(as(f.manager))).andExpect(status().isOk());
        MamoriUserDetails security = f.colleague("情報 四郎", Role.IT_SECURITY);
        mvc.perform(get("/vault/identify").with(as(security))).andExpect(status().isOk());
        mvc.perform(get("/vault/identify").with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).file(new MockMultipartFile("file", "メモ.pdf", "application/pdf", pdf))
                        .param("title", "画面から登録").with(as(f.manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    // ---------------------------------------------------------------- identification

    @Test
    void aLeakedCopyIsTracedToItsRecipientOnThePageTheApiAndTheCommandLine() throws Exception {
        long id = upload("流出");
        IssuedFile leaked = Register.as(f.holder, () -> vault.numberedCopyFile(issueTo(id, f.holder).id()));
        MamoriUserDetails security = f.colleague("情報 五郎", Role.IT_SECURITY);
        mvc.perform(multipart("/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked.content()))
                        .with(as(security)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("保持 花子")));
        mvc.perform(multipart("/api/v1/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked.content()))
                        .with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copy.personId").value(f.holder.personId()))
                .andExpect(jsonPath("$.copy.copyNumber").value(leaked.copyNumber()));
        mvc.perform(multipart("/api/v1/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked.content()))
                .with(as(f.holder)).with(csrf())).andExpect(status().isForbidden());

        Path file = Files.createTempFile("leak", ".pdf");
        Files.write(file, leaked.content());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VaultCommand.run(new String[] {"identify", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                vault::copiesOfFingerprints);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("保持 花子", "No." + leaked.copyNumber(), "流出");
        ByteArrayOutputStream offline = new ByteArrayOutputStream();
        assertThat(VaultCommand.run(new String[] {"identify", file.toString(), "--offline"},
                new PrintStream(offline, true, StandardCharsets.UTF_8), fp -> { throw new AssertionError("no lookup offline"); })).isZero();
        assertThat(offline.toString(StandardCharsets.UTF_8)).contains("fingerprint: MF-");
    }

    @Test
    void aReuploadedMarkedCopyIsTracedToItsLatestRecipientFirstAndTheEarlierOneIsListed() throws Exception {
        // 社外秘: access holders may download and upload, so the holder can build a version on their own copy
        dev.mamori.inventory.Inventory inventory = context.getBean(dev.mamori.inventory.Inventory.class);
        Register.as(f.manager, () -> {
            inventory.designate(f.assetId, new dev.mamori.inventory.DesignationDraft("CONFIDENTIAL",
                    List.of(dev.mamori.inventory.AccessHolder.person(f.holder.personId())), null, "製品の発売まで", null, "社内で改訂を重ねる"));
            return null;
        });
        long id = upload("改版の流出");
        IssuedFile a = Register.as(f.holder, () -> vault.download(id, null));
        Register.as(f.holder, () -> vault.addVersion(id, new Upload("改訂版.pdf", "application/pdf", a.content())));
        IssuedFile b = Register.as(f.manager, () -> vault.download(id, 2));
        // the leaker removes what a PDF tool shows: the information entry and the XMP metadata
        byte[] leaked;
        try (PDDocument doc = Loader.loadPDF(b.content()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.getPDFName("MamoriFingerprint"));
            doc.getDocumentCatalog().setMetadata(null);
            doc.save(out);
            leaked = out.toByteArray();
        }
        MamoriUserDetails security = f.colleague("情報 六郎", Role.IT_SECURITY);
        Identification found = Register.as(security, () -> vault.identify(leaked));
        assertThat(found.matches()).extracting(m -> m.copy().personId()).containsExactly(f.manager.personId(), f.holder.personId());
        assertThat(found.matches()).extracting(m -> m.copy().copyNumber()).containsExactly(b.copyNumber(), a.copyNumber());
        assertThat(found.copy()).map(CopyView::personId).contains(f.manager.personId());

        mvc.perform(multipart("/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked))
                        .with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"vault-identify-several\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*管理 一郎.*保持 花子.*")));
        mvc.perform(multipart("/api/v1/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked))
                        .with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copy.personId").value(f.manager.personId()))
                .andExpect(jsonPath("$.copies[0].copy.personId").value(f.manager.personId()))
                .andExpect(jsonPath("$.copies[1].copy.personId").value(f.holder.personId()))
                .andExpect(jsonPath("$.fingerprints.length()").value(2));

        Path file = Files.createTempFile("leak", ".pdf");
        Files.write(file, leaked);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VaultCommand.run(new String[] {"identify", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                vault::copiesOfFingerprints)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsSubsequence("[1] likely source", "管理 一郎", "[2] earlier copy", "保持 花子")
                .contains("The most recent issue is the likely source");
    }

    @Test
    void aCopyOrAViewerPageReSavedAsJpegWithoutItsMetadataStillNamesItsRecipient() throws Exception {
        // a downloaded JPEG copy opened in an editor and saved again
        long picture = Register.as(f.manager, () -> vault.create(f.assetId, "現場写真",
                new Upload("現場.jpg", "image/jpeg", SampleFiles.image("jpeg", 640, 480))).id());
        IssuedFile copy = Register.as(f.manager, () -> vault.download(picture, null));
        byte[] resaved = resavedAsJpeg(copy.content());
        // a page image of the viewer (a PNG) saved as JPEG
        long id = upload("画面をJPEGで保存");
        Viewing viewing = Register.as(f.holder, () -> vault.openViewer(id, null));
        byte[] page = Register.as(f.holder, () -> vault.viewerPage(id, viewing.copyId(), 1));
        byte[] pageAsJpeg = resavedAsJpeg(page);
        for (byte[] leaked : List.of(resaved, pageAsJpeg)) {
            assertThat(new String(leaked, StandardCharsets.ISO_8859_1)).doesNotContain("MF-");
        }

        MamoriUserDetails security = f.colleague("情報 九郎", Role.IT_SECURITY);
        Identification fromCopy = Register.as(security, () -> vault.identify(resaved));
        assertThat(fromCopy.copy()).map(CopyView::personId).contains(f.manager.personId());
        assertThat(fromCopy.copy()).map(CopyView::copyNumber).contains(copy.copyNumber());
        Identification fromPage = Register.as(security, () -> vault.identify(pageAsJpeg));
        assertThat(fromPage.copy()).map(CopyView::personId).contains(f.holder.personId());
        assertThat(fromPage.copy()).map(CopyView::id).contains(viewing.copyId());
    }

    @Test
    void aPieceCutOutOfAViewerPageNamesWhoViewedIt() throws Exception {
        // part of a page shown in the viewer, as a screenshot tool cuts it: off the 8-pixel grid, saved as PNG
        long id = upload("画面の一部を切り取り");
        Viewing viewing = Register.as(f.holder, () -> vault.openViewer(id, null));
        byte[] page = Register.as(f.holder, () -> vault.viewerPage(id, viewing.copyId(), 1));
        java.awt.image.BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page));
        java.awt.image.BufferedImage cut = new java.awt.image.BufferedImage(420, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        cut.createGraphics().drawImage(shown.getSubimage(125, 203, 420, 300), 0, 0, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(cut, "png", png);

        MamoriUserDetails security = f.colleague("情報 十郎", Role.IT_SECURITY);
        Identification found = Register.as(security, () -> vault.identify(png.toByteArray()));
        assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
        assertThat(found.copy()).map(CopyView::id).contains(viewing.copyId());
    }

    /** What an editor does: the pixels only, as a JPEG at ImageIO's default quality (0.75). */
    static byte[] resavedAsJpeg(byte[] image) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image)), "jpeg", out);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- numbered copies

    @Test
    void aNumberedCopyPastItsDeadlineBecomesATaskAndIsEscalated() {
        long id = upload("会議資料");
        List<CopyView> copies = Register.as(f.manager, () -> vault.distribute(id,
                new DistributionDraft("設計審査会", LocalDate.now(dev.mamori.directory.Directory.JAPAN).plusDays(1), List.of(f.holder.personId()))));
        assertThat(copies).hasSize(1);
        CopyView copy = copies.get(0);
        assertThat(copy.kind()).isEqualTo(CopyKind.NUMBERED);
        // the recipient may fetch their own marked copy; someone else may not
        assertThat(Register.as(f.holder, () -> vault.numberedCopyFile(copy.id())).copyNumber()).isEqualTo(copy.copyNumber());
        assertThatThrownBy(() -> Register.as(f.outsider, () -> vault.numberedCopyFile(copy.id()))).isInstanceOf(AccessRefusedException.class);
        // a copy to someone outside the access scope is refused
        assertThatThrownBy(() -> Register.as(f.manager, () -> vault.distribute(id,
                new DistributionDraft("設計審査会", LocalDate.now(dev.mamori.directory.Directory.JAPAN), List.of(f.outsider.personId())))))
                .hasMessageContaining("vault.copy.recipientRefused");

        // the deadline passes
        jdbc.sql("update vault.copy set due_on = current_date - 2 where id = ?").param(copy.id()).update();
        List<Long> escalated = vault.remindOverdueCopies();
        assertThat(escalated).contains(copy.id());
        assertThat(vault.remindOverdueCopies()).doesNotContain(copy.id());
        assertThat(jdbc.sql("select message_key from platform.notification n join platform.account a on a.id = n.account_id where a.person_id = ?")
                .param(f.holder.personId()).query(String.class).list()).contains("vault.notice.copyIssued", "vault.notice.copyDue");
        assertThat(jdbc.sql("select message_key from platform.notification n join platform.account a on a.id = n.account_id where a.person_id = ?")
                .param(f.manager.personId()).query(String.class).list()).contains("vault.notice.copyOverdue");
        assertThat(tasksOf(f.holder)).anySatisfy(t -> {
            assertThat(t.titleKey()).isEqualTo("vault.task.returnCopy");
            assertThat(t.priority()).isEqualTo(dev.mamori.platform.Task.Priority.HIGH);
        });
        assertThat(tasksOf(f.manager)).anySatisfy(t -> assertThat(t.titleKey()).isEqualTo("vault.task.collectCopy"));

        // the holder cannot record the return; the issuer can, once
        assertThatThrownBy(() -> Register.as(f.holder, () -> vault.settle(copy.id(), Settlement.RETURNED, null)))
                .isInstanceOf(AccessRefusedException.class);
        Register.as(f.manager, () -> vault.settle(copy.id(), Settlement.RETURNED, "会議後に回収"));
        assertThatThrownBy(() -> Register.as(f.manager, () -> vault.settle(copy.id(), Settlement.DESTROYED, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(tasksOf(f.holder)).noneSatisfy(t -> assertThat(t.titleKey()).isEqualTo("vault.task.returnCopy"));
        assertThat(ledger.historyOf(Subject.of("vault-copy", copy.id()))).extracting(LedgerEntry::action)
                .contains("vault.copy.reminded", "vault.copy.escalated", "vault.copy.returned");
    }

    @Test
    void theEntrysManagerSeesAndIsToldOfNumberedCopiesOthersIssued() {
        long id = upload("審査資料");
        MamoriUserDetails second = f.departmentManager("第二 管理者");
        CopyView copy = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(dev.mamori.directory.Directory.JAPAN).plusDays(1), List.of(f.holder.personId())))).get(0);
        assertThat(Register.as(second, () -> vault.numberedCopies())).extracting(CopyView::id).contains(copy.id());
        assertThat(Register.as(f.outsider, () -> vault.numberedCopies())).extracting(CopyView::id).doesNotContain(copy.id());

        jdbc.sql("update vault.copy set due_on = current_date - 2 where id = ?").param(copy.id()).update();
        assertThat(vault.remindOverdueCopies()).contains(copy.id());
        assertThat(jdbc.sql("select message_key from platform.notification n join platform.account a on a.id = n.account_id where a.person_id = ?")
                .param(second.personId()).query(String.class).list()).contains("vault.notice.copyOverdue");
        assertThat(jdbc.sql("select message_key from platform.notification n join platform.account a on a.id = n.account_id where a.person_id = ?")
                .param(f.outsider.personId()).query(String.class).list()).doesNotContain("vault.notice.copyOverdue");
    }

    @Test
    void anIssuerTakingOutARecipientsNumberedCopyIsInTheViewingRecordWithTheVersion() throws Exception {
        long id = upload("印刷して配布");
        CopyView copy = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(dev.mamori.directory.Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
        byte[] second = SampleFiles.pdf(MarkFont.locate(null), "第二版", "改訂した本文", 1);
        Register.as(f.manager, () -> vault.addVersion(id, new Upload("v2.pdf", "application/pdf", second)));
        // the recipient taking their own copy is the numbered copy itself
        Register.as(f.holder, () -> vault.numberedCopyFile(copy.id()));
        assertThat(Register.as(f.manager, () -> vault.records(id))).hasSize(1);

        IssuedFile printed = Register.as(f.manager, () -> vault.numberedCopyFile(copy.id()));
        // the paper matches the tracker: the recipient's name and the copy's number, on the distributed version
        assertThat(printed.copyNumber()).isEqualTo(copy.copyNumber());
        assertThat(text(printed.content())).contains("保持 花子", "No." + copy.copyNumber(), "圧力 12.5 MPa");

        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).hasSize(2);
        CopyView taken = records.get(0);
        assertThat(taken.kind()).isEqualTo(CopyKind.DOWNLOAD);
        assertThat(taken.personId()).isEqualTo(f.holder.personId());
        assertThat(taken.issuedByPersonId()).isEqualTo(f.manager.personId());
        assertThat(taken.versionNumber()).isEqualTo(1);
        assertThat(taken.distributionId()).isEqualTo(copy.distributionId());
        assertThat(taken.issuedAt()).isNotNull();
        mvc.perform(get("/vault/documents/{id}/records", id).with(as(f.manager)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("管理 一郎")));

        LedgerEntry entry = ledger.historyOf(Subject.of("vault-copy", copy.id())).stream()
                .filter(e -> e.action().equals("vault.copy.downloaded")).reduce((a, b) -> b).orElseThrow();
        var details = com.jayway.jsonpath.JsonPath.parse(entry.detailsJson());
        assertThat(details.read("$.version", Integer.class)).isEqualTo(1);
        assertThat(details.read("$.fetchedBy", Long.class)).isEqualTo(f.manager.personId());
        assertThat(details.read("$.personId", Long.class)).isEqualTo(f.holder.personId());
        assertThat(details.read("$.recordCopyId", Long.class)).isEqualTo(taken.id());
    }

    @Test
    void aNumberedCopyIsTakenOutUnderTheLockDisposalTakes() throws Exception {
        long id = upload("廃棄と競合");
        CopyView copy = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(dev.mamori.directory.Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
        transactions.executeWithoutResult(status -> {
            Register.as(f.holder, () -> vault.numberedCopyFile(copy.id()));
            // until this transaction ends, a disposal (which locks the document row first) has to wait
            try (java.sql.Connection other = dataSource.getConnection();
                 java.sql.PreparedStatement lock = other.prepareStatement("select id from vault.document where id = ? for update nowait")) {
                lock.setLong(1, id);
                assertThatThrownBy(lock::executeQuery).isInstanceOf(java.sql.SQLException.class)
                        .extracting(e -> ((java.sql.SQLException) e).getSQLState()).isEqualTo("55P03");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });
        Register.as(f.manager, () -> vault.dispose(id, "会議中止"));
        assertThatThrownBy(() -> Register.as(f.holder, () -> vault.numberedCopyFile(copy.id()))).isInstanceOf(ConflictException.class);
    }

    /** A numbered copy of the document for the person (a meeting tomorrow). */
    CopyView issueTo(long documentId, MamoriUserDetails recipient) {
        return Register.as(f.manager, () -> vault.distribute(documentId, new DistributionDraft("設計審査会",
                LocalDate.now(dev.mamori.directory.Directory.JAPAN).plusDays(1), List.of(recipient.personId())))).get(0);
    }

    List<dev.mamori.platform.Task> tasksOf(MamoriUserDetails user) {
        var current = Register.as(user, () -> context.getBean(dev.mamori.platform.CurrentUsers.class).require());
        return tasks.stream().flatMap(t -> t.tasksFor(current).stream()).filter(t -> "vault".equals(t.module())).toList();
    }

    // ---------------------------------------------------------------- disposal

    @Test
    void disposalDestroysTheKeysSoNoStoredCiphertextCanBeDecryptedAgain() throws Exception {
        long id = upload("廃棄対象");
        byte[] ciphertext = Files.readAllBytes(stored(id));
        String name = stored(id).getFileName().toString();
        assertThatThrownBy(() -> Register.as(f.holder, () -> vault.dispose(id, "不要"))).isInstanceOf(AccessRefusedException.class);

        mvc.perform(post("/api/v1/vault/documents/{id}/disposal", id).with(as(f.manager)).with(csrf())
                        .contentType("application/json").content("{\"reason\":\"開発中止のため\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.disposedAt").isNotEmpty());

        assertThat(jdbc.sql("select count(*) from vault.version where document_id = ? and wrapped_key is not null")
                .param(id).query(Long.class).single()).isZero();
        assertThat(stored(id)).doesNotExist();
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.manager))).andExpect(status().isConflict());
        // the saved ciphertext opens under none of the data keys the vault still holds
        List<byte[]> remaining = jdbc.sql("select key_id, wrapped_key from vault.version where wrapped_key is not null")
                .query((rs, i) -> keys.unwrap(rs.getString(1), rs.getBytes(2))).list();
        for (byte[] key : remaining) {
            assertThatThrownBy(() -> Aead.open(key, ciphertext, "mamori-vault-file:" + name)).isInstanceOf(Aead.TamperedException.class);
        }
        byte[] certificate = mvc.perform(get("/vault/documents/{id}/certificate.pdf", id).with(as(f.manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(certificate)).contains("廃棄証明書", "廃棄対象", "開発中止のため", "SHA-256");
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action).contains("vault.document.disposed");
    }
}
