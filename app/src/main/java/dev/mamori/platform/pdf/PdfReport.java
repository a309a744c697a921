package dev.mamori.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plain A4 report written top to bottom: a title, headings, wrapped paragraphs, tables with wrapped cells,
 * and a grid chart whose cells are shaded by a value from 0 to 1 (a heatmap). Lines break at any character,
 * pages break as needed, every page carries the footer and "n / N". Characters the font lacks print as 〓.
 * Not thread-safe; one report per instance:
 * <pre>{@code byte[] pdf = PdfReport.create("Title", "Mamori", PdfFonts.locate(null)).heading("…").paragraph("…").finish("footer");}</pre>
 */
public final class PdfReport {

    private static final float MARGIN = 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 60;
    private static final float BOTTOM = 70;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Glyphs glyphs;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    private PdfReport(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.glyphs = new Glyphs(font);
    }

    /** Starts a report with its document title and author, embedding the font (see {@link PdfFonts#locate}). */
    public static PdfReport create(String title, String author, Path fontFile) {
        PDDocument doc = new PDDocument();
        try {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setAuthor(author);
            doc.getDocumentInformation().setCreator("Mamori");
            PdfReport r = new PdfReport(doc, PDType0Font.load(doc, fontFile.toFile()));
            r.newPage();
            return r;
        } catch (IOException e) {
            close(doc);
            throw new UncheckedIOException(e);
        }
    }

    public PdfReport title(String text) {
        return write(text, 16, 0, 12);
    }

    public PdfReport heading(String text) {
        return write(text, 12.5f, 12, 5);
    }

    public PdfReport paragraph(String text) {
        return write(text, 10, 0, 3);
    }

    /** Small print, e.g. an attribution. */
    public PdfReport note(String text) {
        return write(text, 8, 4, 2);
    }

    /** A table: relative column widths, a header row and rows; cells wrap, rows never split across pages. */
    public PdfReport table(float[] columnWeights, List<String> header, List<List<String>> rows) {
        float total = 0;
        for (float w : columnWeights) {
            total += w;
        }
        float[] cols = new float[columnWeights.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = WIDTH * columnWeights[i] / total;
        }
        run(() -> {
            row(cols, header, 8.5f, true);
            for (List<String> r : rows) {
                row(cols, r, 8.5f, false);
            }
            y -= 6;
        });
        return this;
    }

    /**
     * A grid chart: column and row labels, a label per cell and its shade from 0 (white) to 1 (full colour);
     * a negative shade draws the cell grey (not applicable).
     */
    public PdfReport grid(List<String> columns, List<String> rowLabels, String[][] cells, float[][] shades) {
        run(() -> {
            float labelWidth = WIDTH * 0.2f;
            float cellWidth = (WIDTH - labelWidth) / columns.size();
            float cellHeight = 26;
            float headerHeight = 30;
            ensure(headerHeight + cellHeight * rowLabels.size() + 8);
            for (int c = 0; c < columns.size(); c++) {
                boxedText(columns.get(c), MARGIN + labelWidth + c * cellWidth, y, cellWidth, headerHeight, 7.5f, -2);
            }
            y -= headerHeight;
            for (int r = 0; r < rowLabels.size(); r++) {
                boxedText(rowLabels.get(r), MARGIN, y, labelWidth, cellHeight, 8, -2);
                for (int c = 0; c < columns.size(); c++) {
                    boxedText(cells[r][c], MARGIN + labelWidth + c * cellWidth, y, cellWidth, cellHeight, 9,
                            shades[r][c]);
                }
                y -= cellHeight;
            }
            y -= 10;
        });
        return this;
    }

    /** Finishes the report with the footer on every page and returns its bytes. */
    public byte[] finish(String footer) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            stream.close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    stream = s;
                    String f = drawable(footer == null ? "" : footer);
                    List<String> lines = wrap(f, 7, WIDTH);
                    float fy = 44;
                    for (String line : lines) {
                        show(line, 7, MARGIN, fy);
                        fy -= 9;
                    }
                    String n = (i + 1) + " / " + pages.size();
                    show(n, 8, (PDRectangle.A4.getWidth() - glyphs.width(n, 8)) / 2, 24);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close(doc);
        }
    }

    // ---------------------------------------------------------------- layout

    private interface Drawing {
        void draw() throws IOException;
    }

    private void run(Drawing d) {
        try {
            d.draw();
        } catch (IOException e) {
            close(doc);
            throw new UncheckedIOException(e);
        }
    }

    private PdfReport write(String text, float size, float before, float after) {
        run(() -> {
            y -= before;
            for (String line : wrap(drawable(text == null ? "" : text), size, WIDTH)) {
                ensure(size * 1.5f);
                y -= size * 1.4f;
                show(line, size, MARGIN, y);
            }
            y -= after;
        });
        return this;
    }

    private void row(float[] cols, List<String> cells, float size, boolean header) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cols.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            List<String> w = wrap(drawable(cell), size, cols[i] - 6);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * size * 1.35f + 6;
        ensure(height);
        float x = MARGIN;
        for (int i = 0; i < cols.length; i++) {
            if (header) {
                stream.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                stream.addRect(x, y - height, cols[i], height);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
            }
            stream.setLineWidth(0.4f);
            stream.addRect(x, y - height, cols[i], height);
            stream.stroke();
            float ly = y - 3;
            for (String l : wrapped.get(i)) {
                ly -= size * 1.35f;
                show(l, size, x + 3, ly + 2);
            }
            x += cols[i];
        }
        y -= height;
    }

    private void boxedText(String text, float x, float top, float w, float h, float size, float shade)
            throws IOException {
        if (shade >= 0) {
            float s = Math.min(1f, shade);
            stream.setNonStrokingColor(1f - 0.75f * s, 1f - 0.35f * s, 1f - 0.75f * s);
        } else if (shade < -1.5f) {
            stream.setNonStrokingColor(0.93f, 0.93f, 0.93f);
        } else {
            stream.setNonStrokingColor(0.8f, 0.8f, 0.8f);
        }
        stream.addRect(x, top - h, w, h);
        stream.fill();
        stream.setNonStrokingColor(0f, 0f, 0f);
        stream.setLineWidth(0.5f);
        stream.addRect(x, top - h, w, h);
        stream.stroke();
        List<String> lines = wrap(drawable(text == null ? "" : text), size, w - 4);
        float ly = top - (h - lines.size() * size * 1.2f) / 2;
        for (String l : lines) {
            ly -= size * 1.1f;
            show(l, size, x + (w - glyphs.width(l, size)) / 2, ly);
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            stream.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void show(String text, float size, float x, float at) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, at);
        stream.showText(text);
        stream.endText();
    }

    /** Breaks text at newlines and wherever a line would pass the width. */
    private List<String> wrap(String text, float size, float width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float w = 0;
            for (int cp : paragraph.codePoints().toArray()) {
                float cw = Math.max(0, glyphs.glyphWidth(cp)) * size / 1000f;
                if (w + cw > width && !line.isEmpty()) {
                    out.add(line.toString());
                    line.setLength(0);
                    w = 0;
                }
                line.appendCodePoint(cp);
                w += cw;
            }
            out.add(line.toString());
        }
        return out;
    }


    private static void close(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private String drawable(String text) {
        return glyphs.drawable(text.replace("\r", "").replace("\t", " "));
    }
}
