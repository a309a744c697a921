package dev.mamori.policy.internal.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes a document's lines as a Word file (A4, a Japanese Gothic font, numbered headings kept as text,
 * the footer line and the page number in the page footer).
 */
final class DocxRenderer {

    /** The font asked for; Word and LibreOffice substitute another Japanese font where it is missing. */
    static final String FONT = "IPAexゴシック";

    private DocxRenderer() {
    }

    static byte[] render(List<DocLine> lines, String title, String company) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(company);
            pageSetup(doc);
            for (DocLine line : lines) {
                if (line.kind() == DocLine.Kind.FOOTER) {
                    footer(doc, line.text());
                    continue;
                }
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setText(line.text());
                font(run, 10.5);
                p.setSpacingAfter(60);
                switch (line.kind()) {
                    case TITLE -> {
                        p.setAlignment(ParagraphAlignment.CENTER);
                        run.setBold(true);
                        font(run, 16);
                        p.setSpacingAfter(240);
                    }
                    case META -> {
                        p.setAlignment(ParagraphAlignment.RIGHT);
                        font(run, 10);
                        p.setSpacingAfter(0);
                    }
                    case CHAPTER -> {
                        run.setBold(true);
                        font(run, 12);
                        p.setSpacingBefore(240);
                        p.setSpacingAfter(120);
                    }
                    case ARTICLE -> {
                        run.setBold(true);
                        p.setSpacingBefore(120);
                        p.setSpacingAfter(0);
                    }
                    case PARAGRAPH -> indent(p, 0, 210);
                    case ITEM -> indent(p, 210, 630);
                    case SUBITEM -> indent(p, 630, 840);
                    case TEXT -> p.setIndentationFirstLine(210);
                    case NOTE -> font(run, 8.5);
                    default -> {
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Left edge of wrapped lines at {@code rest} twips, the first line at {@code first}. */
    private static void indent(XWPFParagraph p, int first, int rest) {
        p.setIndentationLeft(rest);
        p.setIndentationHanging(rest - first);
    }

    private static void font(XWPFRun run, double size) {
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
    }

    private static void footer(XWPFDocument doc, String text) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        XWPFRun run = p.createRun();
        run.setText(text);
        font(run, 7.5);
        XWPFParagraph page = footer.createParagraph();
        page.setAlignment(ParagraphAlignment.CENTER);
        page.getCTP().addNewFldSimple().setInstr("PAGE");
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1418));
        margin.setBottom(BigInteger.valueOf(1418));
        margin.setLeft(BigInteger.valueOf(1247));
        margin.setRight(BigInteger.valueOf(1247));
        margin.setFooter(BigInteger.valueOf(567));
        margin.setHeader(BigInteger.valueOf(567));
    }
}
