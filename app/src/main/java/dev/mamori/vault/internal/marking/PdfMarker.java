package dev.mamori.vault.internal.marking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF: on every page a line at the top and at the bottom in the Japanese font (subset embedded), the
 * {@link Watermark} over the whole page (unless turned off), and an invisible text layer (rendering mode "neither") holding the fingerprint; the fingerprint is also in the
 * document information and the XMP metadata.
 * <p>What survives: the text layer survives re-saving by most editors, "print to PDF" that keeps text and page
 * extraction; the information entry and XMP survive plain re-saves but not every tool; a scan or a screenshot
 * keeps only the visible mark.
 */
final class PdfMarker {

    private static final float SIZE = 8f;
    private final MarkFont font;
    private final Watermark watermark;

    PdfMarker(MarkFont font, Watermark watermark) {
        this.font = font;
        this.watermark = watermark;
    }

    byte[] mark(byte[] original, Mark mark) {
        try (PDDocument doc = Loader.loadPDF(original)) {
            if (doc.isEncrypted()) {
                doc.setAllSecurityToBeRemoved(true);
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.bytes()));
            PDType0Font japanese = PDType0Font.load(doc, ttf, true);
            PDFont hidden = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(0.85f);
            String line = mark.line();
            PdfWatermark tiles = watermark.enabled() ? PdfWatermark.prepare(doc, ttf, line, watermark) : null;
            float lineWidth = japanese.getStringWidth(line) / 1000f;
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getCropBox();
                float size = Math.min(SIZE, (box.getWidth() - 24) / Math.max(lineWidth, 1));
                float x = box.getLowerLeftX() + 12;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    if (tiles != null) {
                        tiles.draw(cs, page);
                    }
                    cs.saveGraphicsState();
                    cs.setGraphicsStateParameters(translucent);
                    cs.setNonStrokingColor(0.69f, 0f, 0.13f);
                    writeLine(cs, japanese, size, x, box.getUpperRightY() - 6 - size, line);
                    writeLine(cs, japanese, size, x, box.getLowerLeftY() + 6, line);
                    cs.restoreGraphicsState();
                    cs.beginText();
                    cs.setRenderingMode(RenderingMode.NEITHER);
                    cs.setFont(hidden, 1);
                    cs.newLineAtOffset(box.getLowerLeftX() + 2, box.getLowerLeftY() + 2);
                    cs.showText(Fingerprints.PREFIX + mark.fingerprint());
                    cs.endText();
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCustomMetadataValue(Fingerprints.PROPERTY, mark.fingerprint());
            PDMetadata xmp = new PDMetadata(doc);
            xmp.importXMPMetadata(xmp(mark.fingerprint()).getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(xmp);
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the PDF", e);
        }
    }

    /** Only the watermark over every page (for a PDF LibreOffice made of a marked copy); unchanged when it is off. */
    byte[] watermarkOnly(byte[] pdf, Mark mark) {
        if (!watermark.enabled()) {
            return pdf;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.bytes()));
            PdfWatermark tiles = PdfWatermark.prepare(doc, ttf, mark.line(), watermark);
            for (PDPage page : doc.getPages()) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    tiles.draw(cs, page);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the watermark on the PDF", e);
        }
    }

    private static void writeLine(PDPageContentStream cs, PDFont f, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /**
     * Every fingerprint the PDF carries: in the information entry, the XMP metadata and the text (the hidden
     * layers). A file built on an earlier marked copy and marked again carries the earlier copy's hidden text too.
     */
    static List<String> fingerprints(byte[] file) {
        Set<String> found = new LinkedHashSet<>();
        try (PDDocument doc = Loader.loadPDF(file)) {
            Optional.ofNullable(doc.getDocumentInformation().getCustomMetadataValue(Fingerprints.PROPERTY))
                    .filter(Fingerprints::valid).ifPresent(found::add);
            if (doc.getDocumentCatalog().getMetadata() != null) {
                found.addAll(Fingerprints.findAll(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8)));
            }
            // every marking writes its hidden line at the same spot: overlapping text must not be merged away
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSuppressDuplicateOverlappingText(false);
            found.addAll(Fingerprints.findAll(stripper.getText(doc)));
        } catch (IOException e) {
            // unreadable: whatever was found so far
        }
        return List.copyOf(found);
    }

    private static String xmp(String fingerprint) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:mamori="https://mamori.dev/ns/vault/1.0/">
                   <mamori:fingerprint>%s</mamori:fingerprint>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(fingerprint);
    }
}
