package dev.mamori.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.Fingerprints;
import dev.mamori.vault.internal.marking.Mark;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.PageImages;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * What the image fingerprint that survives JPEG ({@code RobustMark}) costs where it is used: marking a 2000x1500
 * JPEG photograph for a recipient (decode, the visible band, the DCT mark, encode at quality 0.92, the comment);
 * identifying a leaked copy of it that was re-saved as JPEG (every fingerprint the file carries, pixels included),
 * a piece cut out of it off the 8-pixel grid and saved as PNG (the mark's search over every grid), and the
 * unmarked photograph (every grid at its size and at each display scale, to find nothing);
 * and drawing one page of a PDF for the document viewer (110 DPI, the DCT mark, the least significant bits, PNG).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ImageMarkingBenchmark {

    static final String LINE = "極秘（アクセス権者限り）　交付先 山田 太郎（社員番号 E004211）　2026-11-27 14:05　No.17　複製・転送禁止";

    Markers markers;
    byte[] photo;
    byte[] leaked;
    byte[] piece;
    byte[] pdf;
    String fingerprint;

    @Setup
    public void setUp() throws IOException {
        MarkFont font = MarkFont.locate(null);
        markers = new Markers(font);
        photo = jpeg(photoLike(new Random(1), 2000, 1500), 0.9f);
        fingerprint = Fingerprints.newFingerprint();
        byte[] marked = markers.mark(photo, new Mark(LINE, "No.17", fingerprint));
        leaked = jpeg(ImageIO.read(new java.io.ByteArrayInputStream(marked)), 0.75f); // re-saved, comment lost
        if (!Markers.fingerprintsOf(leaked).contains(fingerprint)) {
            throw new IllegalStateException("the re-saved copy lost its fingerprint: the benchmark would measure a miss");
        }
        // a 1000x700 piece cut off the 8-pixel grid (a screenshot of part of it), saved as PNG
        BufferedImage cut = ImageIO.read(new java.io.ByteArrayInputStream(marked)).getSubimage(613, 405, 1000, 700);
        BufferedImage copy = new BufferedImage(cut.getWidth(), cut.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.createGraphics().drawImage(cut, 0, 0, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(copy, "png", png);
        piece = png.toByteArray();
        if (!Markers.fingerprintsOf(piece).contains(fingerprint)) {
            throw new IllegalStateException("the cut piece lost its fingerprint: the benchmark would measure a miss");
        }
        if (!Markers.fingerprintsOf(photo).isEmpty()) {
            throw new IllegalStateException("the unmarked photograph names someone");
        }
        pdf = SampleFiles.pdf(font, "新型ポンプの設計書（社外秘）", "圧力 12.5 MPa、流量 340 L/min の設計値と試験結果。", 1);
    }

    @Benchmark
    public byte[] markJpegPhoto() {
        return markers.mark(photo, new Mark(LINE, "No.17", Fingerprints.newFingerprint()));
    }

    @Benchmark
    public List<String> identifyReSavedJpeg() {
        return Markers.fingerprintsOf(leaked);
    }

    @Benchmark
    public List<String> identifyCutPiece() {
        return Markers.fingerprintsOf(piece);
    }

    /** The worst case: an image without a mark, looked at on every grid and at every display scale. */
    @Benchmark
    public List<String> identifyUnmarked() {
        return Markers.fingerprintsOf(photo);
    }

    @Benchmark
    public byte[] viewerPage() {
        return PageImages.page(pdf, FileFormat.PDF, 1, fingerprint);
    }

    /** Smooth areas, edges and texture, as a photograph has. */
    static BufferedImage photoLike(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double fx = 2 + random.nextDouble() * 4;
        double fy = 2 + random.nextDouble() * 4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double base = 128 + 80 * Math.sin(fx * Math.PI * x / w) * Math.cos(fy * Math.PI * y / h);
                int n = random.nextInt(21) - 10;
                int r = clamp(base + n + (x > w / 3 && x < w / 2 ? 40 : 0));
                int g = clamp(base * 0.9 + n);
                int b = clamp(255 - base + n);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
