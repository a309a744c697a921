package dev.mamori.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the TrueType font reports embed: the configured file, or the first usable known location. Only
 * TrueType outlines qualify (PDFBox 3 cannot embed the CFF outlines of OpenType collections such as Noto CJK).
 */
public final class PdfFonts {

    /** The Debian/Ubuntu package of the first known location. */
    public static final String PACKAGE = "fonts-ipaexfont-gothic";

    static final List<Path> KNOWN_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"));

    private PdfFonts() {
    }

    /** The configured font (blank or null: the known locations); refused with {@link PdfFontMissingException}. */
    public static Path locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.strip());
            if (!trueType(p)) {
                throw new PdfFontMissingException("platform.pdf.fontUnusable", p.toString(), PACKAGE);
            }
            return p;
        }
        return KNOWN_LOCATIONS.stream().filter(PdfFonts::trueType).findFirst()
                .orElseThrow(() -> new PdfFontMissingException("platform.pdf.fontMissing", PACKAGE));
    }

    static boolean trueType(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == 0 && h[1] == 1 && h[2] == 0 && h[3] == 0)
                    || (h[0] == 't' && h[1] == 'r' && h[2] == 'u' && h[3] == 'e'));
        } catch (IOException e) {
            return false;
        }
    }
}
