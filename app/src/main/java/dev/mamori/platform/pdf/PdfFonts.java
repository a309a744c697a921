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

    /** IPAex Gothic (Debian/Ubuntu, current and older layouts), the distribution's default Gothic, IPA Gothic. */
    public static final List<Path> KNOWN_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"));

    private PdfFonts() {
    }

    /** The configured font (blank or null: the known locations); refused with {@link PdfFontMissingException}. */
    public static Path locate(String configured) {
        return locate(configured, KNOWN_LOCATIONS, "platform.pdf.fontUnusable", "platform.pdf.fontMissing");
    }

    /**
     * The configured font, or the first usable candidate; refused with {@code unusableKey} (arguments: the path,
     * {@link #PACKAGE}) when the configured file is not a TrueType font, or {@code missingKey} (argument:
     * {@link #PACKAGE}) when no candidate is — for a module whose message names its own setting.
     */
    public static Path locate(String configured, List<Path> candidates, String unusableKey, String missingKey) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.strip());
            if (!trueType(p)) {
                throw new PdfFontMissingException(unusableKey, p.toString(), PACKAGE);
            }
            return p;
        }
        return candidates.stream().filter(PdfFonts::trueType).findFirst()
                .orElseThrow(() -> new PdfFontMissingException(missingKey, PACKAGE));
    }

    /** A readable file that starts like a TrueType font (version 1.0 or 'true'), not 'OTTO' (CFF) or 'ttcf'. */
    public static boolean trueType(Path file) {
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
