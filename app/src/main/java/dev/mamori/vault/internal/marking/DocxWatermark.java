package dev.mamori.vault.internal.marking;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * {@link Watermark} in a Word copy: the mark line as Word's own kind of watermark (VML WordArt text behind the page's
 * text, in the header so that it repeats on every page), but many of them, slanted and laid out in rows over the
 * whole page as {@link PdfWatermark} does, each translucent. Word and LibreOffice both draw such shapes.
 */
final class DocxWatermark {

    private static final String NAMESPACES = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

    /** Word's WordArt shape type for plain text stretched over the shape (its watermarks use the same). */
    private static final String SHAPE_TYPE = """
            <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">\
            <v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>\
            <v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>\
            <v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>\
            <v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>\
            <v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"\
             o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>\
            <o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>""";

    private DocxWatermark() {
    }

    /**
     * Adds the watermark to a paragraph of a header used by {@code section} (whose page size lays out the rows): the
     * shapes are anchored to the page, so the paragraph's own height does not change.
     */
    static void addTo(XWPFParagraph paragraph, CTSectPr section, String line, Watermark watermark) {
        double w = 595.3;
        double h = 841.9; // A4, Word's default for a section without a page size in Japan
        if (section.isSetPgSz() && section.getPgSz().isSetW() && section.getPgSz().isSetH()) {
            w = POIXMLUnits.parseLength(section.getPgSz().xgetW()) / 12700.0;
            h = POIXMLUnits.parseLength(section.getPgSz().xgetH()) / 12700.0;
        }
        double size = Math.max(8, Math.min(16, Math.min(w, h) / 40));
        double length = Watermark.estimatedLength(line, size);
        List<String> shapes = new ArrayList<>();
        int n = 0;
        for (Point2D.Double c : Watermark.centres(w, h, size, length)) {
            n++;
            shapes.add(String.format(Locale.ROOT, "<v:shape id=\"MamoriWatermark%d\" type=\"#_x0000_t136\""
                            + " style=\"position:absolute;margin-left:%.1fpt;margin-top:%.1fpt;width:%.1fpt;height:%.1fpt;"
                            + "rotation:%d;z-index:-251650000;mso-position-horizontal-relative:page;"
                            + "mso-position-vertical-relative:page\" o:allowincell=\"f\" fillcolor=\"#404040\" stroked=\"f\">"
                            + "<v:fill opacity=\"%.2f\"/><v:textpath style=\"font-family:&quot;IPAexGothic&quot;;font-size:%.0fpt\""
                            + " string=\"%s\"/></v:shape>",
                    n, c.x - length / 2, c.y - size / 2, length, size, 360 - (int) Watermark.ANGLE_DEGREES,
                    watermark.opacity(), size, escape(line)));
        }
        // one picture a shape, the shape type in the first: LibreOffice reads only the first shape of a picture
        for (int i = 0; i < shapes.size(); i++) {
            CTR run = paragraph.getCTP().addNewR();
            run.addNewRPr().addNewNoProof();
            XmlObject pict = run.addNewPict();
            String xml = "<w:pict " + NAMESPACES + ">" + (i == 0 ? SHAPE_TYPE : "") + shapes.get(i) + "</w:pict>";
            try (XmlCursor from = XmlObject.Factory.parse(xml).newCursor(); XmlCursor to = pict.newCursor()) {
                from.toFirstChild(); // w:pict
                from.toFirstChild();
                to.toEndToken();
                do {
                    from.copyXml(to);
                } while (from.toNextSibling());
            } catch (XmlException e) {
                throw new IllegalStateException("the watermark's shapes are not well-formed", e);
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
