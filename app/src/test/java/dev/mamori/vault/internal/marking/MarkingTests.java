package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every markable format gets the visible mark and a fingerprint that is found again, also after re-saving where
 * the format keeps it; LibreOffice opens each marked Office file and shows the mark.
 */
class MarkingTests {

    static final String LINE = "極秘（アクセス権者限り）　交付先 山田 太郎（社員番号 E0042）　2026-11-27 14:05　No.7";
    static MarkFont font;
    static Markers markers;
    static Map<FileFormat, byte[]> originals = new EnumMap<>(FileFormat.class);

    @BeforeAll
    static void files() {
        font = MarkFont.locate(null);
        markers = new Markers(font);
        originals.put(FileFormat.PDF, SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 3));
        originals.put(FileFormat.DOCX, SampleFiles.docx("新製品の原価計算", "本文です。"));
        originals.put(FileFormat.XLSX, SampleFiles.xlsx("新製品の原価計算", "本文です。"));
        originals.put(FileFormat.PPTX, SampleFiles.pptx("新製品の原価計算", "本文です。"));
        originals.put(FileFormat.PNG, SampleFiles.image("png", 320, 200));
        originals.put(FileFormat.JPEG, SampleFiles.image("jpeg", 320, 200));
    }

    static Mark mark() {
        return new Mark(LINE, "No.7", Fingerprints.newFingerprint());
    }

    @Test
    void tellsFormatsByTheirContent() {
        originals.forEach((format, bytes) -> assertThat(FileFormat.of(bytes)).isEqualTo(format));
        assertThat(FileFormat.of("just text".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileFormat.OTHER);
    }

    @Test
    void everyFormatCarriesAFingerprintThatIsFoundAgain() {
        for (var e : originals.entrySet()) {
            Mark m = mark();
            byte[] marked = markers.mark(e.getValue(), m);
            assertThat(FileFormat.of(marked)).as(e.getKey().name()).isEqualTo(e.getKey());
            assertThat(markers.identify(marked)).as(e.getKey().name()).contains(m.fingerprint());
            assertThat(markers.identify(e.getValue())).as(e.getKey().name() + " unmarked").isEmpty();
        }
    }

    @Test
    void theUploadCheckPassesEveryReadableFileAndPlainUnmarkedOnes() throws IOException {
        originals.forEach((format, bytes) -> assertThat(markers.problem(bytes)).as(format.name()).isEmpty());
        assertThat(markers.problem("just text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(markers.problem("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII))).contains(Unmarkable.PDF_UNREADABLE);
        assertThat(markers.problem(notADocument())).contains(Unmarkable.OFFICE_UNREADABLE);
    }

    /** A ZIP that looks like a Word file (a {@code word/} part) but is no package Word or POI can open. */
    static byte[] notADocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("not xml".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void imagesAreMarkedInMemoryWithoutImageIoTempFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = imageIoTempFiles(tmp);
        for (FileFormat f : List.of(FileFormat.PNG, FileFormat.JPEG)) {
            Mark m = mark();
            byte[] marked = markers.mark(originals.get(f), m);
            assertThat(markers.identify(marked)).as(f.name()).contains(m.fingerprint());
        }
        assertThat(ImageIO.getUseCache()).isFalse();
        assertThat(imageIoTempFiles(tmp)).isSubsetOf(before);
    }

    static List<Path> imageIoTempFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("imageio.*\\.tmp")).toList();
        }
    }

    @Test
    void aMarkedPdfShowsTheMarkOnEveryPageAndKeepsTheFingerprintInItsText() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(FileFormat.PDF), m);
        try (PDDocument doc = Loader.loadPDF(marked)) {
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= 3; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String text = strip.getText(doc);
                assertThat(text).contains("極秘（アクセス権者限り）", "山田 太郎", "E0042", "No.7", m.fingerprint());
            }
            // the text layer alone still identifies a copy whose metadata was stripped
            doc.getDocumentInformation().setCustomMetadataValue(Fingerprints.PROPERTY, null);
            doc.getDocumentCatalog().setMetadata(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            assertThat(markers.identify(out.toByteArray())).contains(m.fingerprint());
        }
    }

    @Test
    void aMarkedWordFileHasTheMarkInItsHeaderAndSurvivesAReSave() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(FileFormat.DOCX), m);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(marked))) {
            assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h.getText()).contains(LINE));
            assertThat(new XWPFWordExtractor(doc).getText()).contains("本文です。");
            assertThat(doc.getProperties().getCustomProperties().getProperty(Fingerprints.PROPERTY).getLpwstr())
                    .isEqualTo(m.fingerprint());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            assertThat(markers.identify(out.toByteArray())).contains(m.fingerprint());
        }
    }

    @Test
    void aMarkedWorkbookPrintsTheMarkOnEverySheet() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(FileFormat.XLSX), m);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            assertThat(wb.getSheetAt(0).getHeader().getCenter()).contains(LINE);
            assertThat(wb.getSheetAt(0).getFooter().getCenter()).contains(LINE);
            assertThat(wb.isSheetVeryHidden(wb.getNumberOfSheets() - 1)).isTrue();
        }
    }

    /** Two sections: the first (landscape) with a title page and no first-page header; even pages on. */
    static byte[] twoSectionDocx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph first = doc.createParagraph();
            first.createRun().setText("第一節の本文です。");
            CTSectPr landscape = first.getCTP().addNewPPr().addNewSectPr();
            landscape.addNewPgSz().setOrient(STPageOrientation.LANDSCAPE);
            landscape.addNewTitlePg();
            new XWPFHeaderFooterPolicy(doc, landscape).createHeader(STHdrFtr.DEFAULT)
                    .createParagraph().createRun().setText("第一節のヘッダ");
            doc.createParagraph().createRun().setText("第二節の本文です。");
            doc.getDocument().getBody().addNewSectPr();
            doc.getSettings().setEvenAndOddHeadings(true);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everySectionOfAWordFileCarriesTheMarkOnItsFirstDefaultAndEvenPages() throws IOException {
        byte[] marked = markers.mark(twoSectionDocx(), mark());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(marked))) {
            List<CTSectPr> sections = new ArrayList<>();
            doc.getDocument().getBody().getPList().stream().filter(p -> p.isSetPPr() && p.getPPr().isSetSectPr())
                    .forEach(p -> sections.add(p.getPPr().getSectPr()));
            sections.add(doc.getDocument().getBody().getSectPr());
            assertThat(sections).hasSize(2);
            var first = new XWPFHeaderFooterPolicy(doc, sections.get(0));
            assertThat(first.getDefaultHeader().getText()).contains("第一節のヘッダ").contains(LINE);
            assertThat(first.getFirstPageHeader().getText()).contains(LINE);
            assertThat(first.getFirstPageFooter().getText()).contains(LINE);
            assertThat(first.getEvenPageHeader().getText()).contains(LINE);
            assertThat(first.getDefaultFooter().getText()).contains(LINE);
            var second = new XWPFHeaderFooterPolicy(doc, sections.get(1));
            // the second section has headers of its own or inherits the first one's, all marked
            for (var h : new org.apache.poi.xwpf.usermodel.XWPFHeaderFooter[] {
                    second.getDefaultHeader(), second.getEvenPageHeader(), second.getDefaultFooter() }) {
                if (h != null) {
                    assertThat(h.getText()).contains(LINE);
                }
            }
            assertThat(doc.getHeaderList()).allSatisfy(h -> assertThat(h.getText()).contains(LINE));
            assertThat(doc.getFooterList()).allSatisfy(f -> assertThat(f.getText()).contains(LINE));
        }
    }

    @Test
    void aWorkbookWithADifferentFirstPageCarriesTheMarkThereAndOnScreen() throws IOException {
        byte[] original;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(originals.get(FileFormat.XLSX)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getFirstHeader().setLeft("表紙");
            wb.getSheetAt(0).getEvenFooter().setLeft("偶数");
            wb.write(out);
            original = out.toByteArray();
        }
        byte[] marked = markers.mark(original, mark());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getFirstHeader().getCenter()).contains(LINE);
            assertThat(sheet.getFirstFooter().getCenter()).contains(LINE);
            assertThat(sheet.getEvenHeader().getCenter()).contains(LINE);
            assertThat(sheet.getEvenFooter().getCenter()).contains(LINE);
            assertThat(sheet.getDrawingPatriarch().getShapes()).anySatisfy(s -> assertThat(
                    ((org.apache.poi.xssf.usermodel.XSSFSimpleShape) s).getText()).contains(LINE));
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(
                    new XSSFWorkbook(new ByteArrayInputStream(original)).getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aFileBuiltOnAMarkedCopyAndMarkedAgainCarriesBothFingerprints() throws IOException {
        for (FileFormat f : List.of(FileFormat.PDF, FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX)) {
            Mark first = mark();
            Mark second = mark();
            byte[] twice = markers.mark(markers.mark(originals.get(f), first), second);
            assertThat(markers.identify(twice)).as(f.name()).contains(first.fingerprint(), second.fingerprint());
        }
        // a PDF without its information entry and XMP: both hidden lines (written at the same spot) are still read
        Mark first = mark();
        Mark second = mark();
        byte[] twice = markers.mark(markers.mark(originals.get(FileFormat.PDF), first), second);
        try (PDDocument doc = Loader.loadPDF(twice); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.getPDFName(Fingerprints.PROPERTY));
            doc.getDocumentCatalog().setMetadata(null);
            doc.save(out);
            assertThat(markers.identify(out.toByteArray())).containsExactlyInAnyOrder(first.fingerprint(), second.fingerprint());
        }
    }

    @Test
    void aPngKeepsItsFingerprintInThePixelsWhenReSavedWithoutMetadata() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(FileFormat.PNG), m);
        var img = ImageIO.read(new ByteArrayInputStream(marked));
        ByteArrayOutputStream resaved = new ByteArrayOutputStream();
        ImageIO.write(img, "png", resaved); // ImageIO drops the tEXt chunk
        assertThat(new String(resaved.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(m.fingerprint());
        assertThat(markers.identify(resaved.toByteArray())).contains(m.fingerprint());
    }

    @Test
    void aReEncodedJpegKeepsItsFingerprintInTheRobustMarkUnlessTooSmallForIt() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(FileFormat.JPEG), m);
        assertThat(markers.identify(marked)).contains(m.fingerprint());
        ByteArrayOutputStream resaved = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(marked)), "jpeg", resaved); // quality 0.75, no comment
        assertThat(new String(resaved.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(m.fingerprint());
        assertThat(markers.identify(resaved.toByteArray())).containsExactly(m.fingerprint());
        // an image with fewer than RobustMark.MIN_BLOCKS blocks keeps only the visible mark
        Mark small = mark();
        byte[] smallMarked = markers.mark(SampleFiles.image("jpeg", 160, 120), small);
        ByteArrayOutputStream smallResaved = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(smallMarked)), "jpeg", smallResaved);
        assertThat(markers.identify(smallResaved.toByteArray())).isEmpty();
    }

    @Test
    void libreOfficeOpensEveryMarkedOfficeFileAndShowsTheMark() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice) || System.getenv("CI") != null, "LibreOffice (soffice) is not installed");
        Path out = Files.createTempDirectory("mamori-vault-soffice");
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + out.resolve("profile").toAbsolutePath(),
                "--convert-to", "pdf", "--outdir", out.toString()));
        Map<FileFormat, String> fingerprints = new EnumMap<>(FileFormat.class);
        for (FileFormat f : List.of(FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX)) {
            Mark m = mark();
            fingerprints.put(f, m.fingerprint());
            Path file = out.resolve("marked-" + f.extension() + "." + f.extension());
            Files.write(file, markers.mark(originals.get(f), m));
            command.add(file.toAbsolutePath().toString());
        }
        Path sections = out.resolve("marked-sections.docx");
        Files.write(sections, markers.mark(twoSectionDocx(), mark()));
        command.add(sections.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        for (FileFormat f : fingerprints.keySet()) {
            Path pdf = out.resolve("marked-" + f.extension() + ".pdf");
            assertThat(pdf).as(f + ": " + Files.readString(out.resolve("soffice.log"))).exists();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).as(f.name()).contains("本文です。").contains("E0042").contains("No.7");
            }
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("marked-sections.pdf").toFile())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(doc)).as("page 1 of the two-section file").contains("第一節の本文です。")
                    .contains("E0042").contains("No.7");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = FileFormat.class, names = {"DOCX", "XLSX", "PPTX"})
    void aCopySavedAgainInTheOldOfficeFormatStillNamesItsRecipient(FileFormat format) {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed");
        Mark m = mark();
        byte[] marked = markers.mark(originals.get(format), m);
        FileFormat legacy = switch (format) {
            case DOCX -> FileFormat.DOC;
            case XLSX -> FileFormat.XLS;
            default -> FileFormat.PPT;
        };
        byte[] resaved = LegacyFiles.saveAs(marked, format, legacy);

        assertThat(FileFormat.of(resaved)).isEqualTo(legacy);
        assertThat(markers.identify(resaved)).containsExactly(m.fingerprint());
        assertThat(markers.identify(LegacyFiles.saveAs(originals.get(format), format, legacy))).isEmpty();
    }

    @Test
    void aFingerprintInTextSavedAsUtf16IsFound() {
        Mark m = mark();
        byte[] utf16 = ("回収した資料の写し " + Fingerprints.PREFIX + m.fingerprint() + " 以上").getBytes(StandardCharsets.UTF_16LE);
        for (int offset = 0; offset < 2; offset++) {
            byte[] text = new byte[offset + utf16.length]; // the text at an even and at an odd byte
            System.arraycopy(utf16, 0, text, offset, utf16.length);
            assertThat(markers.identify(text)).as("at byte %d", offset).containsExactly(m.fingerprint());
        }
    }
}
