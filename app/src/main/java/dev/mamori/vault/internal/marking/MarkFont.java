package dev.mamori.vault.internal.marking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mamori.platform.pdf.PdfFonts;

/**
 * The Japanese TrueType font marks are drawn with: {@code mamori.vault.font} when set, otherwise the first usable
 * of the platform's known locations (IPAex Gothic from {@code fonts-ipaexfont-gothic} first), found by
 * {@link PdfFonts} — which refuses with a message in Japanese and English naming the package when there is none.
 */
public final class MarkFont {

    private final Path file;
    private final byte[] bytes;

    private MarkFont(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    public static MarkFont locate(Path configured) {
        Path p = PdfFonts.locate(configured == null ? null : configured.toString());
        try {
            return new MarkFont(p, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the marking font " + p, e);
        }
    }

    public Path file() {
        return file;
    }

    byte[] bytes() {
        return bytes;
    }
}
