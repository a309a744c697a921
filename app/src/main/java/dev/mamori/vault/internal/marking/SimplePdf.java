package dev.mamori.vault.internal.marking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** A plain A4 PDF of a title and lines in the Japanese font (the disposal certificate); long lines are wrapped. */
public final class SimplePdf {

    private SimplePdf() {
    }

    public static byte[] write(MarkFont font, String title, List<String> lines) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(font.bytes()), true);
            doc.getDocumentInformation().setTitle(title);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = 780;
            cs.beginText();
            cs.setFont(f, 18);
            cs.newLineAtOffset(60, y);
            cs.showText(title);
            cs.endText();
            y -= 40;
            float width = PDRectangle.A4.getWidth() - 120;
            for (String line : lines) {
                for (String part : wrap(f, line == null ? "" : line, 10.5f, width)) {
                    if (y < 60) {
                        cs.close();
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        y = 780;
                    }
                    cs.beginText();
                    cs.setFont(f, 10.5f);
                    cs.newLineAtOffset(60, y);
                    cs.showText(part);
                    cs.endText();
                    y -= 16;
                }
            }
            cs.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDType0Font f, String text, float size, float width) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cur.length() > 0 && f.getStringWidth(cur + ch) / 1000f * size > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(ch);
            i += Character.charCount(cp);
        }
        out.add(cur.toString());
        return out;
    }
}
