package dev.mamori.vault.internal.marking;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTextBox;
import org.apache.poi.xssf.usermodel.XSSFTextRun;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHeaderFooter;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;

/**
 * Word, Excel and PowerPoint files (POI). Visible: DOCX a header and a footer line in every section and on every
 * page kind (default, first, even) that applies and the {@link Watermark} behind every page's text (unless turned off), XLSX every sheet's headers and footers (what prints, first and
 * even pages included where the sheet has them) and a text box over the top left cells (what shows), PPTX a text box at the top of every slide
 * and the {@link Watermark} over every slide (translucent slanted text boxes, unless turned off). Invisible, in all three: a custom
 * document property and a part of its own ({@code /customXml/mamori-fingerprint.xml}); besides that DOCX a
 * hidden run ({@code w:vanish}) in the footer, XLSX a very hidden sheet, PPTX a text box outside the slide.
 * <p>What survives: custom properties, hidden runs, very hidden sheets and off-slide shapes survive re-saving in
 * Word/Excel/PowerPoint and LibreOffice (they are ordinary content); the extra part is dropped by editors that
 * do not know it. Copying the content into a new file keeps only what is copied.
 */
final class OoxmlMarker {

    static final String PART = "/customXml/mamori-fingerprint.xml";
    static final String RELATION = "https://mamori.dev/relationships/fingerprint";

    private final Watermark watermark;

    OoxmlMarker(Watermark watermark) {
        this.watermark = watermark;
    }

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

    /**
     * Every section carries the mark on every page kind that applies to it: its default header and footer, the
     * first-page ones when it has a title page ({@code w:titlePg}) and the even-page ones when the document has
     * different odd and even pages. A section without a header of a kind inherits the previous section's (as Word
     * does), so one is created only where no earlier section supplies it; a part shared by sections is marked once.
     */
    private byte[] docx(XWPFDocument doc, Mark mark) throws IOException, InvalidFormatException {
        try (doc) {
            CTBody body = doc.getDocument().getBody();
            List<CTSectPr> sections = new ArrayList<>();
            for (CTP p : body.getPList()) {
                if (p.isSetPPr() && p.getPPr().isSetSectPr()) {
                    sections.add(p.getPPr().getSectPr());
                }
            }
            sections.add(body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr());
            boolean evenPages = doc.getSettings() != null && doc.getSettings().getEvenAndOddHeadings();
            Set<Object> marked = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<STHdrFtr.Enum> supplied = new HashSet<>();
            Set<STHdrFtr.Enum> suppliedFooters = new HashSet<>();
            XWPFFooter lastDefaultFooter = null;
            for (CTSectPr section : sections) {
                XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, section);
                boolean titlePage = section.isSetTitlePg() && POIXMLUnits.parseOnOff(section.getTitlePg());
                for (STHdrFtr.Enum type : List.of(STHdrFtr.DEFAULT, STHdrFtr.FIRST, STHdrFtr.EVEN)) {
                    boolean applies = type == STHdrFtr.DEFAULT || (type == STHdrFtr.FIRST && titlePage)
                            || (type == STHdrFtr.EVEN && evenPages);
                    XWPFHeader header = policy.getHeader(type);
                    if (header == null && applies && !supplied.contains(type)) {
                        header = policy.createHeader(type);
                    }
                    if (header != null) {
                        supplied.add(type);
                        if (marked.add(header)) {
                            XWPFParagraph p = header.createParagraph();
                            line(p, mark.line());
                            if (watermark.enabled()) {
                                DocxWatermark.addTo(p, section, mark.line(), watermark);
                            }
                        }
                    }
                    XWPFFooter footer = policy.getFooter(type);
                    if (footer == null && applies && !suppliedFooters.contains(type)) {
                        footer = policy.createFooter(type);
                    }
                    if (footer != null) {
                        suppliedFooters.add(type);
                        if (marked.add(footer)) {
                            line(footer.createParagraph(), mark.line());
                        }
                        if (type == STHdrFtr.DEFAULT) {
                            lastDefaultFooter = footer;
                        }
                    }
                }
            }
            List<XWPFParagraph> paragraphs = lastDefaultFooter.getParagraphs();
            XWPFRun hidden = paragraphs.get(paragraphs.size() - 1).createRun();
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
                // POI's first and even accessors switch those page kinds on, so only where the sheet already has them
                CTHeaderFooter hf = sheet.getCTWorksheet().getHeaderFooter();
                if (hf != null && hf.isSetDifferentFirst() && hf.getDifferentFirst()) {
                    sheet.getFirstHeader().setCenter(text);
                    sheet.getFirstFooter().setCenter(text);
                }
                if (hf != null && hf.isSetDifferentOddEven() && hf.getDifferentOddEven()) {
                    sheet.getEvenHeader().setCenter(text);
                    sheet.getEvenFooter().setCenter(text);
                }
                if (!(sheet instanceof XSSFChartSheet)) {
                    onScreen(sheet, mark.line());
                }
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

    /**
     * What shows on screen: a text box without fill or line over the top left cells, like a watermark; the cells
     * and their values stay as they were. It scrolls with the sheet and prints with it.
     */
    private static void onScreen(XSSFSheet sheet, String line) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFTextBox box = drawing.createTextbox(drawing.createAnchor(0, 0, 0, 0, 0, 0, 12, 1));
        box.setNoFill(true);
        var shape = box.getCTShape().getSpPr();
        var outline = shape.isSetLn() ? shape.getLn() : shape.addNewLn();
        if (outline.isSetSolidFill()) {
            outline.unsetSolidFill();
        }
        if (!outline.isSetNoFill()) {
            outline.addNewNoFill();
        }
        box.setWordWrap(false);
        box.setTopInset(0);
        box.setBottomInset(0);
        XSSFTextRun r = box.addNewTextParagraph().addNewTextRun();
        r.setText(line);
        r.setFontSize(9.0);
        r.setBold(true);
        r.setFontColor(new Color(0xB0, 0x00, 0x20));
        r.setFont("IPAexGothic");
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
                if (watermark.enabled()) {
                    watermark(slide, page, mark.line());
                }
                XSLFTextBox trace = slide.createTextBox();
                trace.setAnchor(new Rectangle2D.Double(page.getWidth() + 50, page.getHeight() + 50, 300, 20));
                XSLFTextRun t = trace.addNewTextParagraph().addNewTextRun();
                t.setText(Fingerprints.PREFIX + mark.fingerprint());
                t.setFontSize(1.0);
            }
            return finish(ppt, mark);
        }
    }

    /**
     * {@link Watermark} on a slide: the mark line in translucent text boxes, each slanted by the watermark's angle,
     * laid out in rows over the whole slide (as {@link PdfWatermark} does on a PDF page), so that any piece of a
     * slide shown, printed or photographed carries it. On top of the slide's shapes, like the line at the top.
     */
    private void watermark(XSLFSlide slide, Dimension page, String line) {
        double w = page.getWidth();
        double h = page.getHeight();
        double size = Math.max(10, Math.min(18, Math.min(w, h) / 36));
        double length = Watermark.estimatedLength(line, size) + 8; // and the text box's insets
        Color grey = new Color(0x40, 0x40, 0x40, Math.round(watermark.opacity() * 255));
        for (Point2D.Double c : Watermark.centres(w, h, size, length)) {
            XSLFTextBox box = slide.createTextBox();
            box.setAnchor(new Rectangle2D.Double(c.x - length / 2, c.y - size, length, size * 2));
            box.setRotation(-Watermark.ANGLE_DEGREES);
            box.setWordWrap(false);
            XSLFTextRun t = box.addNewTextParagraph().addNewTextRun();
            t.setText(line);
            t.setFontSize(size);
            t.setFontColor(grey);
            t.setFontFamily("IPAexGothic");
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
