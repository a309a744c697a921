package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

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
import dev.mamori.vault.Identification;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.ViewerOnlyException;
import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.OfficeConverter;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * The document viewer: someone who may only VIEW a 極秘 document sees it as page images of one marked copy and
 * never receives the file; each opening is one line in the viewing record; page images go only to the person
 * who opened them; Word, Excel and PowerPoint files are shown the same way, converted to PDF after they were
 * marked; formats the browser cannot be shown are explained instead of handed out.
 */
@MamoriTest
class VaultViewerTests {

    static final String SANDBOX = "sandbox; default-src 'none'";
    static final Pattern PAGE = Pattern.compile("/vault/documents/(\\d+)/viewer/pages/(\\d+)\\?copy=(\\d+)");
    static byte[] pdf;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        if (pdf == null) {
            pdf = SampleFiles.pdf(MarkFont.locate(null), "新型ポンプの設計書", "圧力 12.5 MPa の設計値", 3);
        }
    }

    long upload(String title, String fileName, byte[] content) {
        return Register.as(f.manager, () -> vault.create(f.assetId, title, new Upload(fileName, null, content))).id();
    }

    /** Opens the viewer as the user; the page images' URLs it shows. */
    List<String> openViewer(long id, MamoriUserDetails user) throws Exception {
        String html = mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"vault-viewer\"")))
                .andReturn().getResponse().getContentAsString();
        List<String> urls = new ArrayList<>();
        Matcher m = PAGE.matcher(html);
        while (m.find()) {
            urls.add(m.group());
        }
        return urls;
    }

    byte[] pageImage(String url, MamoriUserDetails user) throws Exception {
        return mvc.perform(get(url).with(as(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().stringValues("Content-Security-Policy", SANDBOX))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    static BufferedImage png(byte[] bytes) throws Exception {
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img).isNotNull();
        return img;
    }

    static int pages(byte[] pdfBytes) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void aViewOnlyHolderSeesAPdfAsOnePngPerPageAndIsGivenNoFile() throws Exception {
        long id = upload("閲覧のみの設計書", "設計書.pdf", pdf);
        List<String> urls = openViewer(id, f.holder);
        assertThat(urls).hasSize(pages(pdf)).hasSize(3);
        for (String url : urls) {
            png(pageImage(url, f.holder));
        }
        // the file itself: not by viewing, not by downloading, not through the API
        byte[] viewed = mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.holder)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", endsWith("/vault/documents/" + id + "/viewer")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(viewed).isEmpty();
        byte[] downloaded = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.holder)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(downloaded, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/documents/{id}/view", id).param("version", "1").with(as(f.holder)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", endsWith("/vault/documents/" + id + "/viewer?version=1")));
        // the manager may still download, and view the file inline
        byte[] managers = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pages(managers)).isEqualTo(3);
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
    }

    @Test
    void aPageImageIsDrawnAtAbout110DotsPerInch() throws Exception {
        long id = upload("解像度", "a4.pdf", pdf);
        BufferedImage page = png(pageImage(openViewer(id, f.holder).get(0), f.holder));
        // A4 is 595.28 x 841.89 points, 72 points an inch
        assertThat(page.getWidth()).isBetween(908, 910);
        assertThat(page.getHeight()).isBetween(1285, 1287);
    }

    @Test
    void theViewerIsAlsoAnHtmxFragment() throws Exception {
        long id = upload("断片", "f.pdf", pdf);
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.holder)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"vault-viewer\"")))
                .andExpect(content().string(containsString("/viewer/pages/3?copy=")));
    }

    @Test
    void pageImagesAreOnlyForThePersonWhoOpenedTheViewerAndOnlyItsPages() throws Exception {
        long id = upload("本人限り", "p.pdf", pdf);
        long other = upload("別の文書", "q.pdf", pdf);
        String first = openViewer(id, f.holder).get(0);
        MamoriUserDetails security = f.colleague("情報 七郎", Role.IT_SECURITY);
        for (MamoriUserDetails stranger : List.of(f.manager, f.outsider, security)) {
            byte[] body = mvc.perform(get(first).with(as(stranger))).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotStartWith("\u0089PNG");
        }
        mvc.perform(get(first)).andExpect(status().is3xxRedirection());
        mvc.perform(get(first.replace("/pages/1?", "/pages/0?")).with(as(f.holder))).andExpect(status().isNotFound());
        mvc.perform(get(first.replace("/pages/1?", "/pages/4?")).with(as(f.holder))).andExpect(status().isNotFound());
        mvc.perform(get(first.replace("/documents/" + id + "/", "/documents/" + other + "/")).with(as(f.holder)))
                .andExpect(status().isNotFound());
        mvc.perform(get(first).with(as(f.holder))).andExpect(status().isOk());
    }

    @Test
    void eachOpeningOfTheViewerIsOneViewInTheViewingRecord() throws Exception {
        long id = upload("閲覧記録", "r.pdf", pdf);
        for (int i = 0; i < 2; i++) {
            for (String url : openViewer(id, f.holder)) {
                pageImage(url, f.holder);
                pageImage(url, f.holder);
            }
        }
        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).hasSize(2);
        assertThat(records).extracting(CopyView::kind).containsOnly(CopyKind.VIEW);
        assertThat(records).extracting(CopyView::personId).containsOnly(f.holder.personId());
        assertThat(records).extracting(CopyView::copyNumber).containsExactly(2, 1);
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .filteredOn("vault.document.viewed"::equals).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aFileOfAnotherFormatIsNotShownAndAViewOnlyHolderLearnsThatItTakesDownloadPermission(String lang) throws Exception {
        long id = upload("部品表", "部品表.csv", "品番,数量\nP-100,12\n".getBytes(StandardCharsets.UTF_8));
        MamoriUserDetails holder = users.inLanguage(f.holder, Locale.forLanguageTag(lang));
        // the format by its name for people, not the enum's
        String text = HtmlUtils.htmlEscape(messages.getMessage("vault.viewer.notShowable",
                new Object[] {messages.getMessage("vault.format.OTHER", null, Locale.forLanguageTag(lang))},
                Locale.forLanguageTag(lang)));
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(text)))
                .andExpect(content().string(not(containsString("/viewer/pages/"))))
                .andExpect(content().string(not(containsString("id=\"vault-viewer-download\""))));
        assertThat(Register.as(f.manager, () -> vault.records(id))).isEmpty();
        byte[] viewed = mvc.perform(get("/vault/documents/{id}/view", id).with(as(holder)))
                .andExpect(status().isSeeOther()).andReturn().getResponse().getContentAsByteArray();
        assertThat(viewed).isEmpty();
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(holder))).andExpect(status().isForbidden());
        // the manager, who may download it, is offered the download instead
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-viewer-download\"")));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOCX", "XLSX", "PPTX"})
    void aViewOnlyHolderSeesAnOfficeFileAsPageImagesOfOneMarkedCopyAndIsGivenNoFile(FileFormat format) throws Exception {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed; runs always under CI");
        byte[] original = switch (format) {
            case DOCX -> SampleFiles.docx("議事録", "新型ポンプの量産計画");
            case XLSX -> SampleFiles.xlsx("原価表", "新型ポンプの原価");
            default -> SampleFiles.pptx("製品発表", "新型ポンプの発表資料");
        };
        long id = upload("閲覧のみの " + format, "資料." + format.extension(), original);
        List<String> urls = openViewer(id, f.holder);
        assertThat(urls).isNotEmpty();
        MamoriUserDetails security = f.colleague("情報 九郎", Role.IT_SECURITY);
        java.util.Set<Long> copies = new java.util.HashSet<>();
        BufferedImage first = png(pageImage(urls.get(0), f.holder));
        // the see-through watermark on every piece of the page's lower half, where the sample has no content (an
        // Excel sheet's pages get it from the viewer, Word and PowerPoint copies carry it themselves)
        int cell = Math.min(first.getWidth(), first.getHeight()) / 6;
        for (int y = first.getHeight() / 2; y + cell <= first.getHeight() * 9 / 10; y += cell) {
            for (int x = 0; x + cell <= first.getWidth(); x += cell) {
                assertThat(inked(first, x, y, cell)).as("%s page 1, square at %d,%d", format, x, y).isGreaterThan(50);
            }
        }
        for (String url : urls) {
            byte[] page = pageImage(url, f.holder);
            png(page);
            Matcher m = PAGE.matcher(url);
            assertThat(m.matches()).isTrue();
            long copyId = Long.parseLong(m.group(3));
            copies.add(copyId);
            // every page, saved and passed on, names the copy it came from and the person it was shown to
            Identification found = Register.as(security, () -> vault.identify(page));
            assertThat(found.copy()).map(CopyView::id).contains(copyId);
            assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
            assertThat(found.copy()).map(CopyView::kind).contains(CopyKind.VIEW);
        }
        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CopyKind.VIEW);
            assertThat(c.personId()).isEqualTo(f.holder.personId());
        });
        assertThat(copies).containsExactly(records.get(0).id());
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).filteredOn(e -> e.action().equals("vault.document.viewed"))
                .singleElement().satisfies(e -> assertThat(e.detailsJson()).contains("\"viewer\": true").contains("\"copyId\": " + records.get(0).id()));
        // the file itself: neither viewed, nor downloaded, nor through the API
        assertThatThrownBy(() -> Register.as(f.holder, () -> vault.view(id, null))).isInstanceOf(ViewerOnlyException.class);
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(f.holder))).andExpect(status().isSeeOther());
        byte[] downloaded = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.holder)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(downloaded, StandardCharsets.ISO_8859_1)).doesNotStartWith("PK");
        mvc.perform(get("/api/v1/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
    }

    /** Pixels of the square visibly darker than white paper (the fingerprint's few levels are not counted). */
    private static int inked(BufferedImage img, int x0, int y0, int size) {
        int n = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                int rgb = img.getRGB(x, y);
                if (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff) < 240) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void anImageIsShownAsOnePageOfItsOwnSize() throws Exception {
        for (String type : List.of("png", "jpeg")) {
            long id = upload("図面 " + type, "図." + type, SampleFiles.image(type, 320, 200));
            List<String> urls = openViewer(id, f.holder);
            assertThat(urls).as(type).hasSize(1);
            BufferedImage page = png(pageImage(urls.get(0), f.holder));
            assertThat(page.getWidth()).as(type).isEqualTo(320);
            assertThat(page.getHeight()).as(type).isEqualTo(200);
        }
    }

    @Test
    void aSavedPageImageIsTracedToTheViewingThatShowedIt() throws Exception {
        long id = upload("画面の流出", "s.pdf", pdf);
        String url = openViewer(id, f.holder).get(1);
        byte[] saved = pageImage(url, f.holder);
        MamoriUserDetails security = f.colleague("情報 八郎", Role.IT_SECURITY);
        Identification found = Register.as(security, () -> vault.identify(saved));
        assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
        assertThat(found.copy()).map(CopyView::kind).contains(CopyKind.VIEW);
        Matcher m = PAGE.matcher(url);
        assertThat(m.matches()).isTrue();
        assertThat(found.copy()).map(CopyView::id).contains(Long.parseLong(m.group(3)));
    }

    @Test
    void theDocumentPageOpensTheViewerAndOffersTheDownloadOnlyToThoseWhoMay() throws Exception {
        long id = upload("リンク", "l.pdf", pdf);
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/vault/documents/" + id + "/viewer?version=1\"")))
                .andExpect(content().string(not(containsString("id=\"vault-download-1\""))));
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-download-1\"")));
    }

    @Test
    void someoneWhoMayNotViewGetsNoViewerAndAfterDisposalNoPages() throws Exception {
        long id = upload("廃棄まで", "d.pdf", pdf);
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/viewer", id)).andExpect(status().is3xxRedirection());
        String url = openViewer(id, f.holder).get(0);
        Register.as(f.manager, () -> vault.dispose(id, "計画中止"));
        mvc.perform(get(url).with(as(f.holder))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.holder))).andExpect(status().isConflict());
    }
}
