package dev.mamori.vault.internal.marking;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG and JPEG (Java2D): a band with the mark at the top and the bottom of the picture in the Japanese font.
 * Invisible, three ways: metadata (PNG a {@code tEXt} chunk, JPEG a comment ({@code COM}) segment); in a PNG the
 * fingerprint spread over the least significant bits of the blue channel (every pixel carries one bit of a 128-bit
 * frame, read back by majority vote); and in both the {@link RobustMark}, the same frame in the block DCT of the
 * luminance, which JPEG compression keeps (embedded before the JPEG copy is encoded at quality 0.92).
 * <p>What survives: the metadata survives copying the file, but most editors drop it on re-saving. The PNG's
 * least significant bits survive lossless re-saving, conversion to other lossless formats and small edits, not
 * JPEG compression, scaling or cropping. The robust mark survives re-encoding as JPEG at quality 70 and above at
 * the same size (a PNG saved as JPEG, a JPEG re-saved once or twice), lossless re-saving and small edits; not
 * scaling, cropping, rotation, much lower JPEG qualities or printing and scanning. Images with fewer than
 * {@value RobustMark#MIN_BLOCKS} full 8x8 blocks (about 256x160 pixels) do not get it: for them a re-encoded JPEG
 * keeps only the visible mark.
 */
final class ImageMarker {

    static final int FRAME_BITS = 128;
    /** The rows of pixels handled at a time by the least significant bits. */
    private static final int STRIP = 16;
    /** The quality a marked JPEG copy is written at (ImageIO's scale: 0.92 is the IJG quality 92). */
    static final float JPEG_QUALITY = 0.92f;
    private static final byte[] MAGIC = {'M', 'F'};

    static {
        // ImageIO buffers streams in imageio*.tmp files under java.io.tmpdir by default: the plaintext original and
        // the marked copy would reach the disk unencrypted. The images are in memory already; keep them there.
        // (A JVM-wide setting: it also keeps the rest of Mamori's image reading and writing off the disk.)
        ImageIO.setUseCache(false);
    }

    private final Font base;
    private final Watermark watermark;

    ImageMarker(MarkFont font, Watermark watermark) {
        this.watermark = watermark;
        try {
            this.base = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font.bytes()));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the marking font cannot be used by Java2D", e);
        }
    }

    byte[] mark(byte[] original, FileFormat format, Mark mark) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(original));
            if (source == null) {
                throw new IOException("not a readable image");
            }
            boolean alpha = format == FileFormat.PNG && source.getColorModel().hasAlpha();
            BufferedImage img = new BufferedImage(source.getWidth(), source.getHeight(),
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.drawImage(source, 0, 0, null);
                if (watermark.enabled()) {
                    tile(g, img.getWidth(), img.getHeight(), mark.line());
                }
                draw(g, img.getWidth(), img.getHeight(), mark.line());
            } finally {
                g.dispose();
            }
            if (format == FileFormat.PNG) {
                embedBits(img, mark.fingerprint());
                return withPngText(write(img, "png", 1f), mark.fingerprint());
            }
            RobustMark.embed(img, mark.fingerprint());
            return withJpegComment(write(img, "jpeg", JPEG_QUALITY), mark.fingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the image", e);
        }
    }

    /** {@link Watermark}: the line in slanted rows over the whole image, as {@link PdfWatermark} does on a page. */
    private void tile(Graphics2D g, int w, int h, String line) {
        java.awt.geom.AffineTransform saved = g.getTransform();
        java.awt.Composite composite = g.getComposite();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float size = Math.max(10f, Math.min(40f, Math.min(w, h) / 40f));
        Font f = base.deriveFont(Font.PLAIN, size);
        g.setFont(f);
        int lineWidth = g.getFontMetrics(f).stringWidth(line);
        double step = lineWidth + Watermark.COLUMN_GAP * size;
        double rowGap = Watermark.ROW_GAP * size;
        double half = Math.hypot(w, h) / 2 + size;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, watermark.opacity()));
        Color dark = new Color(0x40, 0x40, 0x40);
        float shadow = Math.max(1f, size / 16f);
        // image y runs downwards: a negative angle slants the rows up to the right, as on a PDF page
        g.translate(w / 2.0, h / 2.0);
        g.rotate(-Math.toRadians(Watermark.ANGLE_DEGREES));
        int rows = (int) Math.ceil(half / rowGap);
        for (int r = -rows; r <= rows; r++) {
            double start = -half - ((r & 1) == 0 ? 0 : step / 2);
            for (double x = start; x < half; x += step) {
                // a light edge under the dark text, so that it shows on a dark photograph as on white paper
                g.setColor(Color.WHITE);
                g.drawString(line, (float) x + shadow, (float) (r * rowGap) + shadow);
                g.setColor(dark);
                g.drawString(line, (float) x, (float) (r * rowGap));
            }
        }
        g.setTransform(saved);
        g.setComposite(composite);
    }

    private void draw(Graphics2D g, int w, int h, String line) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float size = Math.max(9f, Math.min(28f, w / 60f));
        Font f = base.deriveFont(Font.BOLD, size);
        int width = g.getFontMetrics(f).stringWidth(line);
        if (width > w - 8) {
            f = base.deriveFont(Font.BOLD, Math.max(6f, size * (w - 8) / width));
        }
        g.setFont(f);
        var fm = g.getFontMetrics();
        int band = fm.getHeight() + 4;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, band);
        g.fillRect(0, h - band, w, band);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(0xB0, 0x00, 0x20));
        g.drawString(line, 4, 2 + fm.getAscent());
        g.drawString(line, 4, h - band + 2 + fm.getAscent());
    }

    static byte[] write(BufferedImage img, String type, float quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type).next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(type)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ pixels: least significant bits, robust mark

    /** The 128-bit frame: "MF", the 10 fingerprint bytes, a CRC-32 of them (4 bytes). */
    static byte[] frame(String fingerprint) {
        byte[] fp = Fingerprints.bytes(fingerprint);
        CRC32 crc = new CRC32();
        crc.update(fp);
        return ByteBuffer.allocate(16).put(MAGIC).put(fp).putInt((int) crc.getValue()).array();
    }

    /**
     * The fingerprint in the pixels, in place: the {@link RobustMark} (when the image is large enough), then the
     * frame in the least significant bit of every pixel's blue channel (which moves the luminance by at most 0.12).
     */
    static void embedBits(BufferedImage img, String fingerprint) {
        RobustMark.embed(img, fingerprint);
        byte[] frame = frame(fingerprint);
        int w = img.getWidth();
        int h = img.getHeight();
        Pixels px = Pixels.of(img);
        int[] rows = new int[w * STRIP];
        for (int y0 = 0; y0 < h; y0 += STRIP) {
            int count = Math.min(STRIP, h - y0);
            px.read(y0, count, rows);
            for (int j = 0; j < count * w; j++) {
                int i = y0 * w + j; // the pixel's index in the whole image, row by row
                int bit = (frame[(i % FRAME_BITS) / 8] >> (7 - (i % 8))) & 1;
                rows[j] = (rows[j] & ~1) | bit;
            }
            px.write(y0, count, rows);
        }
    }

    static Optional<String> readBits(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        if (n < FRAME_BITS * 3) {
            return Optional.empty();
        }
        int[] ones = new int[FRAME_BITS];
        int[] seen = new int[FRAME_BITS];
        Pixels px = Pixels.of(img);
        int[] rows = new int[w * STRIP];
        for (int y0 = 0; y0 < h; y0 += STRIP) {
            int count = Math.min(STRIP, h - y0);
            px.read(y0, count, rows);
            for (int j = 0; j < count * w; j++) {
                int k = (y0 * w + j) % FRAME_BITS;
                ones[k] += rows[j] & 1;
                seen[k]++;
            }
        }
        byte[] frame = new byte[16];
        for (int k = 0; k < FRAME_BITS; k++) {
            if (ones[k] * 2 > seen[k]) {
                frame[k / 8] |= (byte) (1 << (7 - (k % 8)));
            }
        }
        if (frame[0] != MAGIC[0] || frame[1] != MAGIC[1]) {
            return Optional.empty();
        }
        byte[] fp = java.util.Arrays.copyOfRange(frame, 2, 12);
        CRC32 crc = new CRC32();
        crc.update(fp);
        return ByteBuffer.wrap(frame, 12, 4).getInt() == (int) crc.getValue() ? Optional.of(Fingerprints.of(fp)) : Optional.empty();
    }

    // ------------------------------------------------------------------ metadata

    /** Inserts a tEXt chunk ({@code MamoriFingerprint}) right after IHDR. */
    static byte[] withPngText(byte[] png, String fingerprint) {
        byte[] data = (Fingerprints.PROPERTY + "\0" + fingerprint).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] typeAndData = ByteBuffer.allocate(4 + data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data).array();
        chunk.put(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        return concat(png, afterIhdr, chunk.array());
    }

    /** Inserts a COM segment right after SOI. */
    static byte[] withJpegComment(byte[] jpeg, String fingerprint) {
        byte[] text = (Fingerprints.PREFIX + fingerprint).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer seg = ByteBuffer.allocate(4 + text.length);
        seg.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (2 + text.length)).put(text);
        return concat(jpeg, 2, seg.array());
    }

    private static byte[] concat(byte[] file, int at, byte[] insert) {
        byte[] out = new byte[file.length + insert.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(file, at, out, at + insert.length, file.length - at);
        return out;
    }

    /**
     * Every fingerprint a PNG or JPEG carries, each once: in its metadata (the PNG chunk, the JPEG comment, looked for
     * in the first 64 KB) and in its pixels ({@link #pixelFingerprints}, whatever the format).
     */
    static java.util.List<String> fingerprints(byte[] file, FileFormat format) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>(
                Fingerprints.findAll(new String(file, 0, Math.min(file.length, 64 * 1024), StandardCharsets.ISO_8859_1)));
        found.addAll(pixelFingerprints(file));
        return java.util.List.copyOf(found);
    }

    /**
     * The fingerprints in the pixels of any image ImageIO can read (PNG, JPEG, BMP, GIF, TIFF, WBMP): the least
     * significant bits and the {@link RobustMark} (also in a screenshot that enlarged the image by a display scale),
     * each once; none when the file is no image ImageIO reads.
     */
    static java.util.List<String> pixelFingerprints(byte[] file) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
            if (img != null) {
                readBits(img).ifPresent(found::add);
                RobustMark.readAtAnyDisplayScale(img).ifPresent(found::add);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable pixels: the metadata alone
        }
        return java.util.List.copyOf(found);
    }
}
