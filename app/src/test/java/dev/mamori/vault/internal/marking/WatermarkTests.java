package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The see-through watermark covers the whole page, so that any part of a printout or a screenshot carries it; it is
 * drawn, not written (the copy's text is unchanged), costs a few bytes a page, and leaves the fingerprints intact;
 * Word and PowerPoint copies carry it on every page and slide as LibreOffice shows them.
 */
class WatermarkTests {

    static final String LINE = MarkingTests.LINE;
    /** A square of this many points (PDF) or pixels (image) is what a cut-off piece of a page is taken to be. */
    static final int CELL = 100;
    static MarkFont font;
    static Markers withWatermark;
    static Markers without;

    @BeforeAll
    static void markers() {
        font = MarkFont.locate(null);
        withWatermark = new Markers(font, Watermark.DEFAULT);
        without = new Markers(font, Watermark.NONE);
    }

    static Mark mark() {
        return new Mark(LINE, "No.7", Fingerprints.newFingerprint());
    }

    @Test
    void everyBlankPieceOfAPdfPageGetsTheWatermark() throws IOException {
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 2);
        BufferedImage plain = render(without.mark(pdf, mark()), 1);
        BufferedImage marked = render(withWatermark.mark(pdf, mark()), 1);

        // every 100 x 100 pt square of the page (rendered at 72 DPI) between the header and footer lines
        int[] blankAndInked = blankSquaresInked(plain, marked, CELL, 30);
        assertThat(blankAndInked[0]).as("blank squares on the unmarked page").isGreaterThan(100);
        assertThat(blankAndInked[1]).as("blank squares that carry the watermark").isEqualTo(blankAndInked[0]);
    }

    @Test
    void theWatermarkIsLightEnoughToReadThrough() throws IOException {
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 1);
        BufferedImage plain = render(without.mark(pdf, mark()), 1);
        BufferedImage marked = render(withWatermark.mark(pdf, mark()), 1);
        int darkest = 255;
        int watermarked = 0;
        for (int y = 30; y < marked.getHeight() - 30; y++) {
            for (int x = 0; x < marked.getWidth(); x++) {
                if (luminance(plain.getRGB(x, y)) == 255 && luminance(marked.getRGB(x, y)) < 255) {
                    watermarked++;
                    darkest = Math.min(darkest, luminance(marked.getRGB(x, y)));
                }
            }
        }
        assertThat(watermarked).isGreaterThan(10_000);
        // 0.14 of a dark grey over white paper: no pixel of the watermark is darker than about 225
        assertThat(darkest).isGreaterThan(215);
    }

    @Test
    void theWatermarkIsNotTextAndCostsFewBytesAPage() throws IOException {
        byte[] onePage = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 1);
        byte[] fiftyPages = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 50);
        byte[] marked = withWatermark.mark(fiftyPages, mark());

        try (PDDocument doc = Loader.loadPDF(marked)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(7);
            stripper.setEndPage(7);
            String text = stripper.getText(doc);
            // the header and the footer line, and no other copy of the line in the page's text
            assertThat(text.split("E0042", -1)).hasSize(3);
        }
        int onePageCost = withWatermark.mark(onePage, mark()).length - without.mark(onePage, mark()).length;
        int fiftyPagesCost = marked.length - without.mark(fiftyPages, mark()).length;
        assertThat(onePageCost).as("the line's outlines, once").isPositive();
        assertThat(fiftyPagesCost - onePageCost).as("49 more pages").isLessThan(49 * 200);
    }

    @Test
    void fingerprintsAreFoundUnderTheWatermark() {
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 3);
        Mark m = mark();
        assertThat(withWatermark.identify(withWatermark.mark(pdf, m))).contains(m.fingerprint());
        for (String type : new String[] {"png", "jpeg"}) {
            Mark im = mark();
            byte[] marked = withWatermark.mark(SampleFiles.image(type, 1200, 900), im);
            assertThat(withWatermark.identify(marked)).as(type).contains(im.fingerprint());
            // the pixels alone, as after a re-save that drops the metadata: the DCT mark sits under the watermark
            assertThat(RobustMark.read(image(marked))).as(type + " pixels").contains(im.fingerprint());
        }
    }

    @Test
    void everyPieceOfAnImageGetsTheWatermarkOnlyWhenItIsOn() throws IOException {
        int cell = 900 / 6; // a piece a sixth of the shorter side, as 100 pt is of an A4 page
        BufferedImage white = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        var g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1200, 900);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(white, "png", png);

        BufferedImage marked = image(withWatermark.mark(png.toByteArray(), mark()));
        BufferedImage plain = image(without.mark(png.toByteArray(), mark()));
        int cells = 0;
        for (int y = 40; y + cell <= 900 - 40; y += cell / 3) {
            for (int x = 0; x + cell <= 1200; x += cell / 3) {
                cells++;
                assertThat(darkPixels(marked, x, y, cell)).as("square at %d,%d", x, y).isGreaterThan(50);
                assertThat(darkPixels(plain, x, y, cell)).as("square at %d,%d without", x, y).isZero();
            }
        }
        assertThat(cells).isEqualTo(14 * 22);
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOCX", "PPTX"})
    void everyPieceOfAPageOrSlideShownByLibreOfficeGetsTheWatermark(FileFormat format) throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice) || System.getenv("CI") != null, "LibreOffice (soffice) is not installed");
        byte[] office = format == FileFormat.DOCX ? SampleFiles.docx("新製品の原価計算", "本文です。")
                : SampleFiles.pptx("新製品の原価計算", "本文です。");
        Path out = Files.createTempDirectory("mamori-watermark-soffice");
        Path plainFile = out.resolve("plain." + format.extension());
        Path markedFile = out.resolve("marked." + format.extension());
        Files.write(plainFile, without.mark(office, mark()));
        byte[] markedCopy = withWatermark.mark(office, mark());
        Files.write(markedFile, markedCopy);
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + out.resolve("profile").toAbsolutePath(), "--convert-to", "pdf",
                "--outdir", out.toString(), plainFile.toString(), markedFile.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        BufferedImage plain = render(Files.readAllBytes(out.resolve("plain.pdf")), 1);
        BufferedImage marked = render(Files.readAllBytes(out.resolve("marked.pdf")), 1);

        int[] blankAndInked = blankSquaresInked(plain, marked, Math.min(plain.getWidth(), plain.getHeight()) / 6, 0);
        assertThat(blankAndInked[0]).as("blank squares without the watermark").isGreaterThan(50);
        assertThat(blankAndInked[1]).as("blank squares that carry the watermark").isEqualTo(blankAndInked[0]);
        // the watermark is drawn, not the document's text: the text holds the mark line as often as before
        assertThat(withWatermark.identify(markedCopy)).hasSize(1);
    }

    @Test
    void anOpacityOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new Watermark(true, 0.9f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watermark-opacity");
        assertThatThrownBy(() -> new Watermark(true, 0f)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage render(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(page - 1, 72);
        }
    }

    private static BufferedImage image(byte[] file) {
        try {
            return ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Of the squares of side {@code cell} (overlapping by half, {@code margin} pixels from the top and bottom left
     * out) that are blank in {@code plain}: how many there are, and how many of them carry ink in {@code marked}.
     */
    private static int[] blankSquaresInked(BufferedImage plain, BufferedImage marked, int cell, int margin) {
        int blank = 0;
        int inked = 0;
        for (int y = margin; y + cell <= plain.getHeight() - margin; y += cell / 2) {
            for (int x = 0; x + cell <= plain.getWidth(); x += cell / 2) {
                if (darkPixels(plain, x, y, cell) == 0) {
                    blank++;
                    if (darkPixels(marked, x, y, cell) > 50) {
                        inked++;
                    }
                }
            }
        }
        return new int[] {blank, inked};
    }

    /** Pixels of the square visibly darker than white (the robust mark's few levels are not counted). */
    private static int darkPixels(BufferedImage img, int x0, int y0, int size) {
        int n = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                if (luminance(img.getRGB(x, y)) < 240) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int luminance(int rgb) {
        return (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }
}
