package dev.mamori.policy.internal.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the TrueType font the PDFs embed: the configured file, or the first of the known locations.
 * Only TrueType outlines ({@code glyf}) qualify: PDFBox 3 cannot embed the CFF outlines of OpenType fonts
 * such as the Noto CJK collections ({@code .ttc}; tried: "OTF fonts do not have a glyf table"), so those
 * are skipped rather than producing a PDF without glyphs.
 */
final class JapaneseFont {

    /** The package that provides the first known location on Debian and Ubuntu. */
    static final String PACKAGE = "fonts-ipaexfont-gothic";

    /** IPAex Gothic (Debian/Ubuntu, current and older layouts), the distribution's default Gothic, IPA Gothic. */
    static final List<Path> KNOWN_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"));

    private JapaneseFont() {
    }

    /**
     * The configured font when given (refused with a message naming it when unusable), otherwise the first
     * usable known location; refused with a message naming {@link #PACKAGE} when there is none.
     */
    static Path locate(Path configured, List<Path> candidates) {
        if (configured != null && !configured.toString().isBlank()) {
            if (!trueType(configured)) {
                throw new FontMissingException("policy.document.fontUnusable", configured.toString(), PACKAGE);
            }
            return configured;
        }
        return candidates.stream().filter(JapaneseFont::trueType).findFirst()
                .orElseThrow(() -> new FontMissingException("policy.document.fontMissing", PACKAGE));
    }

    /** A readable file that starts like a TrueType font (version 1.0 or 'true'), not 'OTTO' or 'ttcf'. */
    static boolean trueType(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ((head[0] == 0 && head[1] == 1 && head[2] == 0 && head[3] == 0)
                    || (head[0] == 't' && head[1] == 'r' && head[2] == 'u' && head[3] == 'e'));
        } catch (IOException e) {
            return false;
        }
    }
}
