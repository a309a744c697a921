package dev.mamori.vault.internal.marking;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A marked copy shown as page images for the browser's document viewer, so that someone who may only view a
 * document never receives the file: a PDF's pages rendered at {@value #DPI} DPI, a PNG or JPEG as its one page.
 * Every page image is a PNG that carries the copy's fingerprint as a marked PNG does (a {@code tEXt} chunk, the
 * least significant bits and {@link RobustMark}'s DCT mark, which survives re-saving as JPEG), besides the
 * visible mark the copy already shows. All in memory: PDFBox reads the
 * bytes with its memory-only cache and ImageIO writes without its file cache.
 */
public final class PageImages {

    /** The resolution pages are rendered at: readable on a screen, poor for reprinting. */
    public static final float DPI = 110f;
    /** Neither side of a page image is longer than this (a poster-sized page is rendered at a lower resolution). */
    static final int MAX_SIDE = 4000;

    static {
        ImageIO.setUseCache(false); // as ImageMarker: never buffer a copy in imageio*.tmp files
    }

    private PageImages() {
    }

    /** Whether the viewer can show the format as page images. */
    public static boolean pageable(FileFormat format) {
        return format == FileFormat.PDF || format == FileFormat.PNG || format == FileFormat.JPEG;
    }

    /** The number of pages of a marked copy (an image has one). */
    public static int count(byte[] marked, FileFormat format) {
        requirePageable(format);
        if (format != FileFormat.PDF) {
            return 1;
        }
        try (PDDocument doc = Loader.loadPDF(marked)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the marked PDF", e);
        }
    }

    /** Page {@code page} (from 1) of a marked copy as a PNG carrying the fingerprint. */
    public static byte[] page(byte[] marked, FileFormat format, int page, String fingerprint) {
        requirePageable(format);
        try {
            if (format == FileFormat.PNG) {
                requirePage(page, 1);
                return marked; // the marked PNG is the page, fingerprint included
            }
            BufferedImage img = format == FileFormat.PDF ? render(marked, page) : rgb(ImageIO.read(new ByteArrayInputStream(marked)));
            ImageMarker.embedBits(img, fingerprint);
            return ImageMarker.withPngText(ImageMarker.write(img, "png", 1f), fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the page", e);
        }
    }

    private static BufferedImage render(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            requirePage(page, doc.getNumberOfPages());
            PDPage p = doc.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight());
            float dpi = Math.min(DPI, MAX_SIDE * 72f / Math.max(longest, 1f));
            return new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
        }
    }

    /** The image as plain RGB pixels (what the fingerprint's bits are written into). */
    private static BufferedImage rgb(BufferedImage source) throws IOException {
        if (source == null) {
            throw new IOException("not a readable image");
        }
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage img = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void requirePageable(FileFormat format) {
        if (!pageable(format)) {
            throw new IllegalArgumentException("no page images for " + format);
        }
    }

    private static void requirePage(int page, int pages) {
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("no page " + page + " of " + pages);
        }
    }
}
