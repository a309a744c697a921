package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The robust mark: a PNG or JPEG copy and a viewer page re-encoded as JPEG (as an editor or a "save as" would,
 * without the metadata) still name their recipient; unmarked images name no one and a marked one never names
 * someone else; the mark stays below what the eye sees (PSNR); an image too small for it is left to the other marks.
 */
class RobustMarkTests {

    static final float[] QUALITIES = {0.9f, 0.75f, 0.7f};
    /** The PSNR RobustMark's Javadoc promises at least (marked against unmarked). */
    static final double PSNR_FLOOR = 40;

    static MarkFont font;
    static Markers markers;
    static Font base;

    @BeforeAll
    static void font() throws Exception {
        font = MarkFont.locate(null);
        markers = new Markers(font);
        base = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font.bytes()));
    }

    static Mark mark() {
        return new Mark(MarkingTests.LINE, "No.7", Fingerprints.newFingerprint());
    }

    // ------------------------------------------------------------------ surviving JPEG

    @Test
    void aMarkedPngOrJpegCopyReEncodedAsJpegWithoutItsMetadataNamesItsRecipient() throws IOException {
        List<byte[]> originals = List.of(encode(photoLike(new Random(1), 480, 360), "png"),
                encode(photoLike(new Random(2), 480, 360), "jpeg"), SampleFiles.image("png", 320, 200),
                SampleFiles.image("jpeg", 320, 200));
        for (byte[] original : originals) {
            Mark m = mark();
            byte[] marked = markers.mark(original, m);
            String kind = FileFormat.of(marked).name();
            for (float q : QUALITIES) {
                byte[] leaked = jpeg(decode(marked), q);
                assertThat(new String(leaked, StandardCharsets.ISO_8859_1)).as(kind + " " + q).doesNotContain(m.fingerprint());
                assertThat(markers.identify(leaked)).as(kind + " at " + q).containsExactly(m.fingerprint());
            }
            byte[] twice = jpeg(decode(jpeg(decode(marked), 0.9f)), 0.7f);
            assertThat(markers.identify(twice)).as(kind + " re-encoded twice").containsExactly(m.fingerprint());
        }
    }

    @Test
    void aMarkedJpegCopyCarriesTheRobustMarkThroughItsOwnEncoding() throws IOException {
        Mark m = mark();
        byte[] marked = markers.mark(encode(photoLike(new Random(3), 400, 300), "jpeg"), m);
        assertThat(RobustMark.read(decode(marked))).contains(m.fingerprint());
    }

    @Test
    void aMostlyWhiteViewerPageSavedAsJpegNamesItsViewer() throws IOException {
        String fingerprint = Fingerprints.newFingerprint();
        BufferedImage page = textPage(new Random(4), 935, 1210, 24);
        ImageMarker.embedBits(page, fingerprint);
        byte[] shown = ImageMarker.withPngText(ImageMarker.write(page, "png", 1f), fingerprint);
        assertThat(markers.identify(jpeg(decode(shown), 0.75f))).containsExactly(fingerprint);
    }

    @Test
    void anAlmostBlankPdfPageFromTheViewerSavedAsJpegNamesItsViewer() throws IOException {
        // three short lines on an A4 page: nearly every block is white paper
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 1);
        String fingerprint = Fingerprints.newFingerprint();
        byte[] shown = PageImages.page(pdf, FileFormat.PDF, 1, fingerprint);
        for (float q : QUALITIES) {
            assertThat(markers.identify(jpeg(decode(shown), q))).as("quality " + q).containsExactly(fingerprint);
        }
    }

    // ------------------------------------------------------------------ surviving a crop

    @Test
    void aCroppedCopyStillNamesItsRecipient() throws IOException {
        Random random = new Random(13);
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 1);
        for (int i = 0; i < 3; i++) {
            String fingerprint = Fingerprints.newFingerprint();
            BufferedImage marked = switch (i) {
                case 0 -> photoLike(random, 720, 480);
                case 1 -> textPage(random, 935, 1210, 24);
                default -> decode(PageImages.page(pdf, FileFormat.PDF, 1, fingerprint));
            };
            if (i < 2) {
                ImageMarker.embedBits(marked, fingerprint);
            }
            for (int c = 0; c < 4; c++) {
                // a piece at least 280 x 200 pixels, cut anywhere (on the 8-pixel grid only by chance); the least
                // significant bits are lost with the grid
                int cw = 280 + random.nextInt(marked.getWidth() - 300);
                int ch = 200 + random.nextInt(marked.getHeight() - 220);
                int x0 = 1 + random.nextInt(marked.getWidth() - cw);
                int y0 = 1 + random.nextInt(marked.getHeight() - ch);
                BufferedImage piece = copy(marked.getSubimage(x0, y0, cw, ch));
                String what = "image " + i + " cut at " + x0 + "," + y0 + " " + cw + "x" + ch;
                assertThat(ImageMarker.readBits(piece)).as(what + ", least significant bits").isEmpty();
                assertThat(RobustMark.read(piece)).as(what).contains(fingerprint);
                assertThat(markers.identify(jpeg(piece, 0.9f))).as(what + ", as JPEG at 0.9").containsExactly(fingerprint);
                if (i == 0) {
                    // a photograph's piece also at lower qualities; on white paper JPEG on another grid than the
                    // mark's takes more of it (RobustMark's Javadoc)
                    assertThat(markers.identify(jpeg(piece, 0.7f))).as(what + ", as JPEG at 0.7").containsExactly(fingerprint);
                }
            }
        }
    }

    // ------------------------------------------------------------------ surviving a screenshot at a display scale

    @Test
    void aScreenshotOfAPageShownEnlargedOnAHighDensityDisplayNamesItsViewer() throws IOException {
        byte[] pdf = SampleFiles.pdf(font, "新製品の原価計算", "本文です。", 1);
        Random random = new Random(14);
        for (int i = 0; i < RobustMark.DISPLAY_SCALES.length; i++) {
            double scale = RobustMark.DISPLAY_SCALES[i];
            String fingerprint = Fingerprints.newFingerprint();
            BufferedImage page = decode(PageImages.page(pdf, FileFormat.PDF, 1, fingerprint));
            // drawn as the browser draws it on such a display, then the part of it on the screen, as PNG
            BufferedImage shown = scaled(page, scale, i % 2 == 0 ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                    : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            int cw = (int) (560 * scale);
            int ch = (int) (400 * scale);
            int x0 = random.nextInt(shown.getWidth() - cw);
            int y0 = random.nextInt(shown.getHeight() - ch);
            byte[] shot = encode(copy(shown.getSubimage(x0, y0, cw, ch)), "png");
            assertThat(RobustMark.read(decode(shot))).as("at " + scale + ", on its own grid").isEmpty();
            assertThat(markers.identify(shot)).as("at " + scale + ", cut at " + x0 + "," + y0).containsExactly(fingerprint);
        }
        // a photograph shown at twice its size, saved as JPEG as well
        String fingerprint = Fingerprints.newFingerprint();
        BufferedImage photo = photoLike(new Random(15), 640, 480);
        ImageMarker.embedBits(photo, fingerprint);
        BufferedImage shown = scaled(photo, 2);
        assertThat(markers.identify(jpeg(copy(shown.getSubimage(101, 37, 1000, 800)), 0.9f))).containsExactly(fingerprint);
    }

    @Test
    void unmarkedImagesNameNoOneAtAnyDisplayScale() throws IOException {
        Random random = new Random(16);
        for (int i = 0; i < 40; i++) {
            int w = 400 + random.nextInt(600);
            int h = 300 + random.nextInt(500);
            BufferedImage img = switch (i % 4) {
                case 0 -> noise(random, w, h);
                case 1 -> textPage(random, w, h, 8);
                case 2 -> photoLike(random, w, h);
                default -> gradient(random, w, h);
            };
            assertThat(RobustMark.readAtAnyDisplayScale(img)).as("image " + i).isEmpty();
        }
    }


    // ------------------------------------------------------------------ no one else

    @Test
    void unmarkedImagesNameNoOne() throws IOException {
        Random random = new Random(5);
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            int w = 256 + random.nextInt(400);
            int h = 160 + random.nextInt(300);
            BufferedImage img = switch (i % 5) {
                case 0 -> noise(random, w, h);
                case 1 -> gradient(random, w, h);
                case 2 -> textPage(random, w, h, 6);
                case 3 -> photoLike(random, w, h);
                default -> flat(random, w, h);
            };
            assertThat(RobustMark.read(img)).as("image " + i).isEmpty();
            if (i % 4 == 0) {
                assertThat(RobustMark.read(decode(jpeg(img, 0.75f)))).as("image " + i + " as JPEG").isEmpty();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(200);
        assertThat(RobustMark.read(textPage(random, 935, 1210, 30))).isEmpty();
    }

    @Test
    void aMarkedImageNeverNamesSomeoneElseHoweverDamaged() throws IOException {
        Random random = new Random(6);
        for (int i = 0; i < 6; i++) {
            String a = Fingerprints.newFingerprint();
            BufferedImage marked = i % 2 == 0 ? photoLike(random, 400, 300) : textPage(random, 400, 300, 8);
            ImageMarker.embedBits(marked, a);
            List<BufferedImage> damaged = new ArrayList<>();
            for (float q : new float[] {0.5f, 0.3f, 0.15f, 0.05f}) {
                damaged.add(decode(jpeg(marked, q)));
            }
            damaged.add(withNoise(marked, random, 25));
            damaged.add(scaled(marked, 0.97));
            damaged.add(marked.getSubimage(3, 5, 390, 290));
            for (BufferedImage d : damaged) {
                assertThat(RobustMark.read(d).stream().toList()).isSubsetOf(a);
                assertThat(ImageMarker.pixelFingerprints(encode(d, "png"))).isSubsetOf(a);
            }
            // marked again for someone else: the pixels name the last recipient only
            String b = Fingerprints.newFingerprint();
            ImageMarker.embedBits(marked, b);
            assertThat(ImageMarker.pixelFingerprints(encode(marked, "png"))).containsExactly(b);
            assertThat(RobustMark.read(decode(jpeg(marked, 0.75f)))).contains(b);
        }
    }

    // ------------------------------------------------------------------ invisible, or not at all

    @Test
    void theMarkStaysAboveTheDocumentedPsnr() {
        for (BufferedImage original : List.of(photoLike(new Random(7), 720, 480), textPage(new Random(8), 935, 1210, 24))) {
            BufferedImage marked = copy(original);
            assertThat(RobustMark.embed(marked, Fingerprints.newFingerprint())).isTrue();
            assertThat(psnr(original, marked)).isGreaterThan(PSNR_FLOOR);
            BufferedImage allMarks = copy(original);
            ImageMarker.embedBits(allMarks, Fingerprints.newFingerprint());
            assertThat(psnr(original, allMarks)).isGreaterThan(PSNR_FLOOR);
        }
    }

    @Test
    void anImageTooSmallForTheRobustMarkKeepsTheOtherMarks() throws IOException {
        String fingerprint = Fingerprints.newFingerprint();
        BufferedImage small = photoLike(new Random(9), 240, 160); // 30 x 20 = 600 blocks
        assertThat(RobustMark.fits(240, 160)).isFalse();
        BufferedImage unchanged = copy(small);
        assertThat(RobustMark.embed(small, fingerprint)).isFalse();
        assertThat(pixels(small)).isEqualTo(pixels(unchanged));
        ImageMarker.embedBits(small, fingerprint);
        assertThat(ImageMarker.readBits(small)).contains(fingerprint);
        assertThat(RobustMark.read(small)).isEmpty();
        for (int[] size : new int[][] {{1, 1}, {7, 5}, {8, 8}, {100, 80}}) {
            BufferedImage tiny = photoLike(new Random(10), size[0], size[1]);
            assertThat(RobustMark.embed(tiny, fingerprint)).isFalse();
            assertThat(RobustMark.read(tiny)).isEmpty();
        }
        Mark m = mark();
        byte[] marked = markers.mark(encode(small, "jpeg"), m);
        assertThat(markers.identify(marked)).containsExactly(m.fingerprint());
        assertThat(markers.identify(jpeg(decode(marked), 0.9f))).isEmpty();
    }

    @Test
    void aPageImageSavedAsBmpOrTiffNamesItsViewer() throws IOException {
        String fingerprint = Fingerprints.newFingerprint();
        BufferedImage page = textPage(new Random(11), 600, 800, 12);
        ImageMarker.embedBits(page, fingerprint);
        for (String type : List.of("bmp", "tiff")) {
            byte[] file = encode(page, type);
            assertThat(FileFormat.of(file)).as(type).isEqualTo(FileFormat.OTHER);
            assertThat(Markers.fingerprintsOf(file)).as(type).containsExactly(fingerprint);
            assertThat(Markers.fingerprintsOf(encode(textPage(new Random(12), 600, 800, 12), type))).as(type + " unmarked").isEmpty();
        }
    }

    // ------------------------------------------------------------------ images

    /** Soft shapes over a smooth background with sensor-like noise: texture everywhere, as in a photograph. */
    static BufferedImage photoLike(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double fx = 2 + random.nextDouble() * 4;
        double fy = 2 + random.nextDouble() * 4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = Math.sin(fx * Math.PI * x / w) * Math.cos(fy * Math.PI * y / h);
                int r = (int) (120 + 70 * s);
                int g = (int) (110 + 50 * Math.sin(3.0 * x / w + 2.0 * y / h));
                int b = (int) (140 - 60 * s);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Graphics2D gr = img.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < 12; i++) {
                gr.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90 + random.nextInt(120)));
                int ew = 1 + random.nextInt(Math.max(1, w / 2));
                int eh = 1 + random.nextInt(Math.max(1, h / 2));
                gr.fillOval(random.nextInt(Math.max(1, w)) - ew / 2, random.nextInt(Math.max(1, h)) - eh / 2, ew, eh);
            }
        } finally {
            gr.dispose();
        }
        return withNoise(img, random, 6);
    }

    /** A white page with black Japanese and ASCII text, as the viewer renders a document. */
    static BufferedImage textPage(Random random, int w, int h, int lines) {
        String[] text = {"本書は社外秘です。関係者以外への開示を禁じます。The figures below are preliminary.",
                "圧力 12.5 MPa の設計値、材料費 3,450 円/個、加工費 1,200 円/個。Total: 4,650 JPY per unit.",
                "第二四半期の量産開始に向けて、工程の見直しと歩留まりの改善を進めます。", "Contract No. 2026-0042 / 秘密保持契約 第3条"};
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float size = Math.max(8f, w / 60f);
            g.setFont(base.deriveFont(Font.BOLD, size * 1.5f));
            g.drawString("新製品の原価計算について", w / 10, h / 10);
            g.setFont(base.deriveFont(size));
            for (int i = 0; i < lines; i++) {
                g.drawString(text[random.nextInt(text.length)], w / 10, h / 10 + (int) (size * 2.5) + i * (int) (size * 1.7));
            }
            g.setStroke(new BasicStroke(1f));
            g.drawRect(w / 12, h / 12, w - w / 6, h - h / 6);
        } finally {
            g.dispose();
        }
        return img;
    }

    static BufferedImage noise(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return img;
    }

    static BufferedImage gradient(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int r0 = random.nextInt(256);
        int g0 = random.nextInt(256);
        int b0 = random.nextInt(256);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (r0 + 255 * x / w) % 256;
                int g = (g0 + 255 * y / h) % 256;
                img.setRGB(x, y, r << 16 | g << 8 | b0);
            }
        }
        return img;
    }

    static BufferedImage flat(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(random.nextBoolean() ? Color.WHITE : new Color(random.nextInt(1 << 24)));
            g.fillRect(0, 0, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    static BufferedImage withNoise(BufferedImage img, Random random, double sigma) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int v = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int c = (int) Math.round(((rgb >> shift) & 0xff) + random.nextGaussian() * sigma);
                    v = v << 8 | Math.max(0, Math.min(255, c));
                }
                out.setRGB(x, y, v);
            }
        }
        return out;
    }

    static BufferedImage scaled(BufferedImage img, double factor) {
        return scaled(img, factor, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    static BufferedImage scaled(BufferedImage img, double factor, Object interpolation) {
        int w = (int) (img.getWidth() * factor);
        int h = (int) (img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Peak signal-to-noise ratio over R, G and B, in dB (infinite for identical images). */
    static double psnr(BufferedImage a, BufferedImage b) {
        double squares = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
                    squares += d * d;
                }
            }
        }
        double mse = squares / (3.0 * a.getWidth() * a.getHeight());
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    // ------------------------------------------------------------------ files

    /** What an editor's "save as JPEG" does: pixels only, at the given quality (ImageIO's scale). */
    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage img, String type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, type, out)).isTrue();
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] file) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(img).isNotNull();
        return img;
    }
}
