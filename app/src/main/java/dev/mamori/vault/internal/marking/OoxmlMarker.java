package dev.mamori.vault.internal.marking;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Word, Excel and PowerPoint files (POI). Visible: DOCX a header and a footer line, XLSX every sheet's header
 * and footer (what prints), PPTX a text box at the top of every slide. Invisible, in all three: a custom
 * document property and a part of its own ({@code /customXml/mamori-fingerprint.xml}); besides that DOCX a
 * hidden run ({@code w:vanish}) in the footer, XLSX a very hidden sheet, PPTX a text box outside the slide.
 * <p>What survives: custom properties, hidden runs, very hidden sheets and off-slide shapes survive re-saving in
 * Word/Excel/PowerPoint and LibreOffice (they are ordinary content); the extra part is dropped by editors that
 * do not know it. Copying the content into a new file keeps only what is copied.
 */
final class OoxmlMarker {

    static final String PART = "/customXml/mamori-fingerprint.xml";
    static final String RELATION = "https://mamori.dev/relationships/fingerprint";

    byte[] mark(byte[] original, FileFormat format, Mark mark) {
        try (InputStream in = new ByteArrayInputStream(original)) {
            return switch (format) {
                case DOCX -> docx(new XWPFDocument(in), mark);
                case XLSX -> xlsx(new XSSFWorkbook(in), mark);
                case PPTX -> pptx(new XMLSlideShow(in), mark);
                default -> throw new IllegalArgumentException(format.name());
            };
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException("cannot mark the " + format + " file", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private byte[] docx(XWPFDocument doc, Mark mark) throws IOException, InvalidFormatException {
        try (doc) {
            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            line(header.createParagraph(), mark.line());
            // a title page or even pages with headers of their own carry the mark too
            var policy = doc.getHeaderFooterPolicy();
            for (XWPFHeader other : new XWPFHeader[] {policy.getFirstPageHeader(), policy.getEvenPageHeader()}) {
                if (other != null && other != header) {
                    line(other.createParagraph(), mark.line());
                }
            }
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph p = footer.createParagraph();
            line(p, mark.line());
            XWPFRun hidden = p.createRun();
            hidden.setText(" " + Fingerprints.PREFIX + mark.fingerprint());
            hidden.setVanish(true);
            hidden.setFontSize(1);
            return finish(doc, mark);
        }
    }

    private static void line(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(true);
        r.setFontSize(8);
        r.setColor("B00020");
        r.setFontFamily("IPAexGothic", XWPFRun.FontCharRange.eastAsia);
    }

    private byte[] xlsx(XSSFWorkbook wb, Mark mark) throws IOException, InvalidFormatException {
        try (wb) {
            if (wb.getNumberOfSheets() == 0) {
                wb.createSheet();
            }
            String text = "&\"IPAexGothic,Bold\"&8&KB00020" + escapeHeader(mark.line());
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                sheet.getHeader().setCenter(text);
                sheet.getFooter().setCenter(text);
                sheet.getOddHeader().setCenter(text);
                sheet.getOddFooter().setCenter(text);
            }
            XSSFSheet trace = wb.createSheet("mamori-" + mark.fingerprint().substring(3, 11));
            trace.createRow(0).createCell(0).setCellValue(Fingerprints.PREFIX + mark.fingerprint());
            wb.setSheetVisibility(wb.getSheetIndex(trace), SheetVisibility.VERY_HIDDEN);
            if (wb.getActiveSheetIndex() == wb.getSheetIndex(trace)) {
                wb.setActiveSheet(0);
            }
            return finish(wb, mark);
        }
    }

    /** Excel header codes start with '&'; a literal ampersand is written twice. */
    private static String escapeHeader(String s) {
        return s.replace("&", "&&");
    }

    private byte[] pptx(XMLSlideShow ppt, Mark mark) throws IOException, InvalidFormatException {
        try (ppt) {
            Dimension page = ppt.getPageSize();
            if (ppt.getSlides().isEmpty()) {
                ppt.createSlide();
            }
            for (XSLFSlide slide : ppt.getSlides()) {
                XSLFTextBox box = slide.createTextBox();
                box.setAnchor(new Rectangle2D.Double(8, 2, page.getWidth() - 16, 18));
                XSLFTextRun r = box.addNewTextParagraph().addNewTextRun();
                r.setText(mark.line());
                r.setFontSize(9.0);
                r.setBold(true);
                r.setFontColor(new Color(0xB0, 0x00, 0x20));
                r.setFontFamily("IPAexGothic");
                XSLFTextBox trace = slide.createTextBox();
                trace.setAnchor(new Rectangle2D.Double(page.getWidth() + 50, page.getHeight() + 50, 300, 20));
                XSLFTextRun t = trace.addNewTextParagraph().addNewTextRun();
                t.setText(Fingerprints.PREFIX + mark.fingerprint());
                t.setFontSize(1.0);
            }
            return finish(ppt, mark);
        }
    }

    private static byte[] finish(POIXMLDocument doc, Mark mark) throws IOException, InvalidFormatException {
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        if (custom.contains(Fingerprints.PROPERTY)) {
            custom.getProperty(Fingerprints.PROPERTY).setLpwstr(mark.fingerprint());
        } else {
            custom.addProperty(Fingerprints.PROPERTY, mark.fingerprint());
        }
        OPCPackage pkg = doc.getPackage();
        PackagePartName name = PackagingURIHelper.createPartName(PART);
        if (pkg.containPart(name)) {
            pkg.removePart(name);
        }
        PackagePart part = pkg.createPart(name, "application/xml");
        try (OutputStream out = part.getOutputStream()) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><mamori xmlns=\"https://mamori.dev/ns/vault/1.0/\">"
                    + "<fingerprint>" + mark.fingerprint() + "</fingerprint></mamori>").getBytes(StandardCharsets.UTF_8));
        }
        if (pkg.getRelationshipsByType(RELATION).size() == 0) {
            pkg.addRelationship(name, TargetMode.INTERNAL, RELATION);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /**
     * Every fingerprint the file carries, wherever it is: the custom property, the extra part, the hidden run, the
     * very hidden sheet or the off-slide box (anywhere in the XML parts). A file built on an earlier marked copy
     * and marked again carries the earlier copy's hidden content too.
     */
    static List<String> fingerprints(byte[] file) {
        Set<String> found = new LinkedHashSet<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            for (PackagePart p : pkg.getParts()) {
                if (p.isRelationshipPart() || !(p.getContentType().endsWith("+xml") || p.getContentType().endsWith("/xml"))) {
                    continue;
                }
                try (InputStream in = p.getInputStream()) {
                    found.addAll(Fingerprints.findAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException e) {
                    // an unreadable part: the other parts still count
                }
            }
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            // unreadable: whatever was found so far
        }
        return List.copyOf(found);
    }

}
