package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.extractor.SlideShowExtractor;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyKind;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Identification;
import dev.mamori.vault.IssuedFile;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultCommand;
import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.VersionView;
import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.LegacyFiles;
import dev.mamori.vault.internal.marking.OfficeConverter;

/**
 * Legacy Word, Excel and PowerPoint files (.doc, .xls, .ppt) are handed out marked, never as they are: every copy
 * — a download, a numbered copy, a viewing — is made of what LibreOffice converts the stored file to and marked for
 * its recipient, and the leaked copy names them. The stored file is not changed. Those that could never be marked
 * (password-protected, unconvertible) are refused at upload; those without the right get nothing.
 */
@MamoriTest
class VaultLegacyOfficeTests {

    static final String BODY = "新型ポンプの量産計画";
    static final Pattern PAGE = Pattern.compile("/vault/documents/(\\d+)/viewer/pages/(\\d+)\\?copy=(\\d+)");

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed; runs always under CI");
        f = new VaultFixture(context);
    }

    static byte[] legacy(FileFormat format) {
        return LegacyFiles.of(format, "量産計画", BODY);
    }

    long upload(String title, String fileName, byte[] content) {
        return Register.as(f.manager, () -> vault.create(f.assetId, title, new Upload(fileName, null, content))).id();
    }

    String employeeNumber(MamoriUserDetails user) {
        return directory.findPerson(user.personId()).orElseThrow().employeeNumber();
    }

    /** The text POI reads from an OOXML file: body, headers and footers, text boxes. */
    static String text(byte[] ooxml) throws Exception {
        FileFormat format = FileFormat.of(ooxml);
        try (var in = new ByteArrayInputStream(ooxml)) {
            return switch (format) {
                case DOCX -> {
                    try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(in))) {
                        yield x.getText();
                    }
                }
                case XLSX -> {
                    try (XSSFExcelExtractor x = new XSSFExcelExtractor(new XSSFWorkbook(in))) {
                        yield x.getText() + textBoxes(ooxml);
                    }
                }
                case PPTX -> {
                    try (SlideShowExtractor<?, ?> x = new SlideShowExtractor<>(new XMLSlideShow(in))) {
                        yield x.getText();
                    }
                }
                default -> throw new AssertionError("not an OOXML file: " + format);
            };
        }
    }

    /** The text of the workbook's drawings (the on-screen mark is a text box). */
    static String textBoxes(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb) {
                var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing != null) {
                    drawing.getShapes().stream().filter(s -> s instanceof org.apache.poi.xssf.usermodel.XSSFSimpleShape)
                            .forEach(s -> text.append('\n').append(((org.apache.poi.xssf.usermodel.XSSFSimpleShape) s).getText()));
                }
            }
        }
        return text.toString();
    }

    /** What LibreOffice shows of the file: it opens it and makes a PDF, whose text is returned. */
    String openedByLibreOffice(byte[] ooxml) throws Exception {
        byte[] pdf = context.getBean(OfficeConverter.class).convert(ooxml, FileFormat.of(ooxml), FileFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    Identification identify(byte[] file) {
        MamoriUserDetails security = f.colleague("情報 十郎", Role.IT_SECURITY);
        return Register.as(security, () -> vault.identify(file));
    }

    /** What {@code mamori vault identify FILE} prints for the file. */
    String identifiedOnTheCommandLine(byte[] file, String extension) throws Exception {
        Path path = Files.createTempFile("leak", "." + extension);
        try {
            Files.write(path, file);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = VaultCommand.run(new String[] {"identify", path.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    vault::copiesOfFingerprints);
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            Files.delete(path);
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC", "XLS", "PPT"})
    void aDownloadedLegacyFileIsItsOoxmlSuccessorMarkedForTheRecipientThatLibreOfficeOpensAndIdentifyTraces(FileFormat format)
            throws Exception {
        byte[] original = legacy(format);
        FileFormat successor = format.successor();
        long id = upload("旧形式 " + format, "plan." + format.extension(), original);
        VersionView stored = Register.as(f.manager, () -> vault.document(id)).versions().get(0);
        assertThat(stored.format()).isEqualTo(format.name());
        assertThat(stored.markable()).isTrue();
        assertThat(stored.sha256()).isEqualTo(sha256(original));

        byte[] copy = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", successor.contentType()))
                .andExpect(header().string("Content-Disposition", containsString("plan_No1." + successor.extension())))
                .andExpect(header().string("X-Mamori-Copy-Number", "1"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(FileFormat.of(copy)).isEqualTo(successor);
        assertThat(text(copy)).contains(BODY, "管理 一郎", employeeNumber(f.manager), "No.1");
        assertThat(openedByLibreOffice(copy)).contains(BODY, "管理 一郎", employeeNumber(f.manager));

        // the leaked copy names its recipient, on the identify page's service and on the command line
        Identification found = identify(copy);
        assertThat(found.copy()).map(CopyView::personId).contains(f.manager.personId());
        assertThat(found.copy()).map(CopyView::kind).contains(CopyKind.DOWNLOAD);
        assertThat(identifiedOnTheCommandLine(copy, successor.extension())).contains("管理 一郎", "No.1", "旧形式 " + format);

        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CopyKind.DOWNLOAD);
            assertThat(c.marked()).isTrue();
        });
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).filteredOn(e -> e.action().equals("vault.document.downloaded"))
                .singleElement().satisfies(e -> assertThat(e.detailsJson()).contains("\"convertedFrom\": \"" + format + "\"")
                        .contains("\"convertedTo\": \"" + successor + "\"").contains("\"marked\": true"));
        // the stored original is not changed: the next copy is made of it again
        IssuedFile second = Register.as(f.manager, () -> vault.download(id, null));
        assertThat(second.copyNumber()).isEqualTo(2);
        assertThat(text(second.content())).contains("No.2");
        assertThat(Register.as(f.manager, () -> vault.document(id)).versions().get(0).sha256()).isEqualTo(sha256(original));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC", "XLS"})
    void aNumberedCopyOfALegacyFileIsMarkedForItsRecipientAndTheIssuersPrintIsRecorded(FileFormat format) throws Exception {
        long id = upload("配布する旧形式 " + format, "配布資料." + format.extension(), legacy(format));
        CopyView numbered = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
        assertThat(numbered.marked()).isTrue();

        IssuedFile own = Register.as(f.holder, () -> vault.numberedCopyFile(numbered.id()));
        assertThat(own.fileName()).isEqualTo("配布資料_No" + numbered.copyNumber() + "." + format.successor().extension());
        assertThat(own.contentType()).isEqualTo(format.successor().contentType());
        assertThat(text(own.content())).contains(BODY, "保持 花子", employeeNumber(f.holder), "No." + numbered.copyNumber());
        Identification found = identify(own.content());
        assertThat(found.copy()).map(CopyView::id).contains(numbered.id());
        assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
        assertThat(identifiedOnTheCommandLine(own.content(), format.successor().extension()))
                .contains("保持 花子", "No." + numbered.copyNumber(), "NUMBERED");

        // the issuer taking it out to print: the recipient's copy, recorded as a download by the issuer
        byte[] printed = mvc.perform(get("/vault/copies/{id}/file", numbered.id()).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", format.successor().contentType()))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(printed)).contains("保持 花子", "No." + numbered.copyNumber());
        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).kind()).isEqualTo(CopyKind.DOWNLOAD);
        assertThat(records.get(0).marked()).isTrue();
        assertThat(ledger.historyOf(Subject.of("vault-copy", numbered.id()))).filteredOn(e -> e.action().equals("vault.copy.downloaded"))
                .hasSize(2).allSatisfy(e -> assertThat(e.detailsJson()).contains("\"convertedFrom\": \"" + format + "\""));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC", "PPT"})
    void aViewOnlyHolderSeesALegacyFileInTheViewerAsPagesOfOneMarkedCopyAndIsGivenNoFile(FileFormat format) throws Exception {
        long id = upload("閲覧のみの旧形式 " + format, "資料." + format.extension(), legacy(format));
        String html = mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-viewer\"")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = PAGE.matcher(html);
        assertThat(m.find()).as("a page image").isTrue();
        String url = m.group();
        long copyId = Long.parseLong(m.group(3));
        byte[] page = mvc.perform(get(url).with(as(f.holder)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        Identification found = identify(page);
        assertThat(found.copy()).map(CopyView::id).contains(copyId);
        assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
        assertThat(found.copy()).map(CopyView::kind).contains(CopyKind.VIEW);
        assertThat(Register.as(f.holder, () -> vault.openViewer(id, null)).format()).isEqualTo(format.name());
        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).hasSize(2).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(CopyKind.VIEW);
            assertThat(c.personId()).isEqualTo(f.holder.personId());
            assertThat(c.marked()).isTrue();
        });
        // the file itself stays theirs to see only as pages
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.holder))).andExpect(status().isSeeOther());
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC"})
    void someoneWithoutTheRightGetsNoCopyOfALegacyFile(FileFormat format) throws Exception {
        long id = upload("権限外の旧形式", "秘密." + format.extension(), legacy(format));
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/documents/{id}/download", id)).andExpect(status().is3xxRedirection());
        assertThat(Register.as(f.manager, () -> vault.records(id))).isEmpty();
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .doesNotContain("vault.document.downloaded", "vault.document.viewed")
                .contains("vault.document.downloadRefused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aPasswordProtectedLegacyFileIsRefusedAtUploadOnThePageAndThroughTheApi(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String text = HtmlUtils.htmlEscape(messages.getMessage("vault.file.encryptedOffice", null, Locale.forLanguageTag(lang)));
        List<MockMultipartFile> files = List.of(
                new MockMultipartFile("file", "locked.xls", "application/vnd.ms-excel", LegacyFiles.encryptedXls()),
                new MockMultipartFile("file", "locked.doc", "application/msword", LegacyFiles.encryptedDoc(legacy(FileFormat.DOC))),
                new MockMultipartFile("file", "locked.ppt", "application/vnd.ms-powerpoint", LegacyFiles.encryptedPpt(legacy(FileFormat.PPT))));
        for (MockMultipartFile file : files) {
            String title = Register.unique("鍵付き旧形式");
            mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).file(file).param("title", title)
                            .with(as(manager)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(text)))
                    .andExpect(content().string(containsString("value=\"" + title + "\"")));
            mvc.perform(multipart("/api/v1/vault/documents").file(file).param("assetId", String.valueOf(f.assetId))
                            .param("title", title).with(as(manager)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("vault.file.encryptedOffice"))
                    .andExpect(jsonPath("$.field").value("file"));
            assertThat(titles()).as(file.getOriginalFilename()).doesNotContain(title);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aLegacyFileLibreOfficeCannotConvertIsRefusedAtUploadAndAsANewVersion(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String text = HtmlUtils.htmlEscape(messages.getMessage("vault.file.legacyUnconvertible", null, Locale.forLanguageTag(lang)));
        String title = Register.unique("壊れた旧形式");
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId)
                        .file(new MockMultipartFile("file", "broken.doc", "application/msword", LegacyFiles.corruptDoc()))
                        .param("title", title).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(text)));
        assertThat(titles()).doesNotContain(title);
        long id = f.uploadPdf(Register.unique("版の追加"));
        mvc.perform(multipart("/vault/documents/{id}/versions", id)
                        .file(new MockMultipartFile("file", "broken.doc", "application/msword", LegacyFiles.corruptDoc()))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(text)));
        assertThat(Register.as(f.manager, () -> vault.document(id)).versions()).hasSize(1);
    }

    private List<String> titles() {
        return Register.as(f.manager, () -> vault.documents(f.assetId)).stream().map(DocumentView::title).toList();
    }
}
