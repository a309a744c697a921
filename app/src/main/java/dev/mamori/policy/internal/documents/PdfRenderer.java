package dev.mamori.policy.internal.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a document's lines out on A4 pages with the Japanese font embedded (as a subset): line breaks at
 * any character, with closing punctuation kept off the start of a line; the footer line and "n / N" at the
 * bottom of every page. A character the font lacks prints as 〓 rather than as an empty box.
 */
final class PdfRenderer {

    private static final float MARGIN_X = 62;
    private static final float MARGIN_TOP = 64;
    private static final float MARGIN_BOTTOM = 78;
    private static final String NO_LINE_START = "、。，．・：；？！）」』】〕〉》”’ーぁぃぅぇぉっゃゅょァィゥェォッャュョ,.)]";
    private static final String NO_LINE_END = "（「『【〔〈《“‘([";

    private final PDDocument doc;
    private final PDType0Font font;
    private final dev.mamori.platform.pdf.Glyphs glyphs;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    private PdfRenderer(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.glyphs = new dev.mamori.platform.pdf.Glyphs(font);
    }

    static byte[] render(List<DocLine> lines, String title, String company, Path fontFile) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(company);
            info.setCreator("Mamori");
            PdfRenderer r = new PdfRenderer(doc, PDType0Font.load(doc, fontFile.toFile()));
            r.layout(lines);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Style(float size, float firstEm, float restEm, float before, float after, int align) {
    }

    private static Style style(DocLine.Kind kind) {
        return switch (kind) {
            case TITLE -> new Style(17, 0, 0, 0, 14, 1);
            case META -> new Style(10, 0, 0, 0, 0, 2);
            case CHAPTER -> new Style(12.5f, 0, 0, 16, 6, 0);
            case ARTICLE -> new Style(10.5f, 0, 0, 8, 0, 0);
            case PARAGRAPH -> new Style(10.5f, 0, 1, 0, 1, 0);
            case ITEM -> new Style(10.5f, 1, 3, 0, 0, 0);
            case SUBITEM -> new Style(10.5f, 3, 4, 0, 0, 0);
            case TEXT -> new Style(10.5f, 1, 0, 2, 2, 0);
            case NOTE -> new Style(8.5f, 0, 0, 8, 0, 0);
            case FOOTER -> new Style(7.5f, 0, 0, 0, 0, 0);
        };
    }

    private void layout(List<DocLine> lines) throws IOException {
        String footer = null;
        newPage();
        for (DocLine line : lines) {
            if (line.kind() == DocLine.Kind.FOOTER) {
                footer = line.text();
                continue;
            }
            Style s = style(line.kind());
            float leading = s.size() * 1.65f;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN_X;
            List<String> wrapped = wrap(glyphs.drawable(line.text().replace('\n', ' ')), s.size(), width - s.firstEm() * s.size(),
                    width - s.restEm() * s.size());
            y -= s.before();
            boolean heading = line.kind() == DocLine.Kind.CHAPTER || line.kind() == DocLine.Kind.ARTICLE;
            if (heading && y - leading * 3 < MARGIN_BOTTOM) {
                newPage(); // keep a heading with the first lines under it
            }
            for (int i = 0; i < wrapped.size(); i++) {
                if (y - leading < MARGIN_BOTTOM) {
                    newPage();
                }
                y -= leading;
                String text = wrapped.get(i);
                float indent = (i == 0 ? s.firstEm() : s.restEm()) * s.size();
                float x = switch (s.align()) {
                    case 1 -> (PDRectangle.A4.getWidth() - glyphs.width(text, s.size())) / 2;
                    case 2 -> PDRectangle.A4.getWidth() - MARGIN_X - glyphs.width(text, s.size());
                    default -> MARGIN_X + indent;
                };
                show(text, s.size(), x, y);
            }
            y -= s.after();
        }
        stream.close();
        footers(footer);
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN_TOP;
    }

    private void footers(String footer) throws IOException {
        float size = style(DocLine.Kind.FOOTER).size();
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN_X;
        List<String> lines = footer == null ? List.of() : wrap(glyphs.drawable(footer.replace('\n', ' ')), size, width, width);
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                stream = s;
                float at = MARGIN_BOTTOM - 22;
                for (String line : lines) {
                    show(line, size, MARGIN_X, at);
                    at -= size * 1.5f;
                }
                String number = (i + 1) + " / " + pages.size();
                show(number, 9, (PDRectangle.A4.getWidth() - glyphs.width(number, 9)) / 2, 28);
            }
        }
    }

    private void show(String text, float size, float x, float atY) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    /** Breaks text into lines of at most the widths; closing punctuation may hang past the edge. */
    private List<String> wrap(String text, float size, float firstWidth, float restWidth) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float max = firstWidth;
        int[] cps = text.codePoints().toArray();
        for (int cp : cps) {
            float w = glyphs.glyphWidth(cp) * size / 1000f;
            String ch = new String(Character.toChars(cp));
            if (used + w > max && line.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
                String carry = "";
                int last = line.codePointBefore(line.length());
                if (NO_LINE_END.indexOf(last) >= 0 && line.length() > Character.charCount(last)) {
                    carry = new String(Character.toChars(last));
                    line.setLength(line.length() - Character.charCount(last));
                }
                out.add(line.toString());
                line.setLength(0);
                line.append(carry);
                used = carry.isEmpty() ? 0 : glyphs.glyphWidth(last) * size / 1000f;
                max = restWidth;
            }
            line.append(ch);
            used += w;
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
