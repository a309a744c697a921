package dev.mamori.vault.internal.marking;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Draws {@link Watermark} over every page of a PDF. The line is drawn once as glyph outlines (paths, not text: it
 * does not get into the copy's text when someone selects, searches or extracts it, and a text editor does not
 * see it as text to delete) into a form XObject; one tile form per page size repeats it in slanted rows over the
 * whole page, and each page draws its tile form on top of its content (in the stream that adds the page's marks). So the document grows by the outlines of
 * one line and a few bytes a page, however many pages it has.
 */
final class PdfWatermark {

    private final PDDocument doc;
    private final PDFormXObject line;
    private final float lineUnits;
    private final float unitsPerEm;
    private final Watermark watermark;
    private final Map<List<Float>, PDFormXObject> tiles = new HashMap<>();

    private PdfWatermark(PDDocument doc, PDFormXObject line, float lineUnits, float unitsPerEm, Watermark watermark) {
        this.doc = doc;
        this.line = line;
        this.lineUnits = lineUnits;
        this.unitsPerEm = unitsPerEm;
        this.watermark = watermark;
    }

    /** Prepares the watermark of {@code text} for the pages of {@code doc}: the line's outlines, drawn once. */
    static PdfWatermark prepare(PDDocument doc, TrueTypeFont font, String text, Watermark watermark) throws IOException {
        float upm = font.getUnitsPerEm();
        CmapLookup cmap = font.getUnicodeCmapLookup();
        PDFormXObject form = new PDFormXObject(doc);
        form.setResources(new PDResources());
        float x = 0;
        try (PDFormContentStream cs = new PDFormContentStream(form)) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                int gid = cmap.getGlyphId(cp);
                GlyphData glyph = gid == 0 ? null : font.getGlyph().getGlyph(gid);
                if (glyph != null) {
                    GeneralPath path = new GeneralPath(glyph.getPath());
                    path.transform(AffineTransform.getTranslateInstance(x, 0));
                    outline(cs, path);
                }
                x += font.getAdvanceWidth(gid);
            }
        }
        compress(form);
        form.setBBox(new PDRectangle(0, -upm * 0.3f, Math.max(x, 1), upm * 1.3f));
        return new PdfWatermark(doc, form, x, upm, watermark);
    }

    /** Draws the watermark over the page whose content {@code cs} appends to (the tile of its size, made once). */
    void draw(PDPageContentStream cs, PDPage page) throws IOException {
        PDRectangle box = page.getCropBox();
        PDFormXObject tile = tiles.computeIfAbsent(
                List.of(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight()), k -> tile(box));
        cs.saveGraphicsState();
        cs.drawForm(tile);
        cs.restoreGraphicsState();
    }

    /** The rows for a page of this box: the line repeated, each row shifted by half a repetition from the last. */
    private PDFormXObject tile(PDRectangle box) {
        try {
            PDFormXObject form = new PDFormXObject(doc);
            form.setResources(new PDResources());
            form.setBBox(box);
            float w = box.getWidth();
            float h = box.getHeight();
            float size = Math.max(8f, Math.min(16f, Math.min(w, h) / 40f));
            float scale = size / unitsPerEm;
            float lineWidth = lineUnits * scale;
            float step = lineWidth + (float) Watermark.COLUMN_GAP * size;
            float rowGap = (float) Watermark.ROW_GAP * size;
            double half = Math.hypot(w, h) / 2 + size;
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(watermark.opacity());
            try (PDFormContentStream cs = new PDFormContentStream(form)) {
                cs.setGraphicsStateParameters(translucent);
                cs.setNonStrokingColor(0.25f, 0.25f, 0.25f);
                AffineTransform centre = AffineTransform.getTranslateInstance(
                        box.getLowerLeftX() + w / 2, box.getLowerLeftY() + h / 2);
                centre.rotate(Math.toRadians(Watermark.ANGLE_DEGREES));
                int rows = (int) Math.ceil(half / rowGap);
                for (int r = -rows; r <= rows; r++) {
                    float y = r * rowGap;
                    double start = -half - ((r & 1) == 0 ? 0 : step / 2);
                    for (double x = start; x < half; x += step) {
                        AffineTransform at = new AffineTransform(centre);
                        at.translate(x, y);
                        at.scale(scale, scale);
                        cs.saveGraphicsState();
                        cs.transform(new org.apache.pdfbox.util.Matrix(at));
                        cs.drawForm(line);
                        cs.restoreGraphicsState();
                    }
                }
            }
            compress(form);
            return form;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores the form's content deflated ({@link PDFormContentStream} writes it unfiltered): outlines shrink to a third. */
    private static void compress(PDFormXObject form) throws IOException {
        byte[] raw = form.getContentStream().toByteArray();
        try (OutputStream out = form.getContentStream().getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(raw);
        }
    }

    /**
     * A glyph's outline as path operators, filled by the non-zero winding rule (TrueType's). Coordinates are rounded
     * to whole font units (1/1000–1/2048 of the font size: far below what shows) so that the outlines compress well.
     */
    private static void outline(PDFormContentStream cs, GeneralPath path) throws IOException {
        float[] c = new float[6];
        float cx = 0;
        float cy = 0;
        boolean any = false;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    cs.moveTo(Math.round(c[0]), Math.round(c[1]));
                    cx = c[0];
                    cy = c[1];
                    any = true;
                }
                case PathIterator.SEG_LINETO -> {
                    cs.lineTo(Math.round(c[0]), Math.round(c[1]));
                    cx = c[0];
                    cy = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic Bézier as the cubic that draws the same curve
                    cs.curveTo(Math.round(cx + 2f / 3 * (c[0] - cx)), Math.round(cy + 2f / 3 * (c[1] - cy)),
                            Math.round(c[2] + 2f / 3 * (c[0] - c[2])), Math.round(c[3] + 2f / 3 * (c[1] - c[3])),
                            Math.round(c[2]), Math.round(c[3]));
                    cx = c[2];
                    cy = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    cs.curveTo(Math.round(c[0]), Math.round(c[1]), Math.round(c[2]), Math.round(c[3]),
                            Math.round(c[4]), Math.round(c[5]));
                    cx = c[4];
                    cy = c[5];
                }
                case PathIterator.SEG_CLOSE -> cs.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        if (any) {
            cs.fill();
        }
    }
}
