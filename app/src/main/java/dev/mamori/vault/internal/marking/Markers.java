package dev.mamori.vault.internal.marking;

import java.util.Optional;

/**
 * Marks a copy for its recipient and finds the fingerprint in a file again. Thread-safe; holds the font once.
 */
public final class Markers {

    private final PdfMarker pdf;
    private final OoxmlMarker ooxml = new OoxmlMarker();
    private final ImageMarker image;
    private final MarkFont font;

    public Markers(MarkFont font) {
        this.pdf = new PdfMarker(font);
        this.image = new ImageMarker(font);
        this.font = font;
    }

    public MarkFont font() {
        return font;
    }

    /** The marked copy; an unmarkable format ({@link FileFormat#OTHER}) comes back unchanged. */
    public byte[] mark(byte[] original, Mark mark) {
        FileFormat format = FileFormat.of(original);
        return switch (format) {
            case PDF -> pdf.mark(original, mark);
            case DOCX, XLSX, PPTX -> ooxml.mark(original, format, mark);
            case PNG, JPEG -> image.mark(original, format, mark);
            case OTHER -> original;
        };
    }

    /** The fingerprint a file carries, looked for where its format keeps one. */
    public Optional<String> identify(byte[] file) {
        return fingerprintOf(file);
    }

    /** The same without a font: what the command line uses. */
    public static Optional<String> fingerprintOf(byte[] file) {
        FileFormat format = FileFormat.of(file);
        return switch (format) {
            case PDF -> PdfMarker.fingerprint(file);
            case DOCX, XLSX, PPTX -> OoxmlMarker.fingerprint(file);
            case PNG, JPEG -> ImageMarker.fingerprint(file, format);
            case OTHER -> Fingerprints.find(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        };
    }
}
