package dev.mamori.platform.pdf;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * What one embedded font can draw, and how wide: glyph widths cached per character, text widths at a size, and
 * text made drawable (a character without a glyph becomes 〓, or ? when the font lacks 〓 too) — so PDFBox never
 * fails on a character mid-document. One instance per font and document; not thread-safe.
 */
public final class Glyphs {

    private static final String MISSING = "〓";

    private final PDFont font;
    private final Map<Integer, Float> widths = new HashMap<>();

    public Glyphs(PDFont font) {
        this.font = font;
    }

    /** Width in font units (1/1000 em); negative when the font has no glyph for the character. */
    public float glyphWidth(int cp) {
        return widths.computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IllegalArgumentException | IOException e) {
                return -1f;
            }
        });
    }

    /** Width of the text in points at the given font size (characters without a glyph count as zero). */
    public float width(String text, float size) {
        float w = 0;
        for (int cp : text.codePoints().toArray()) {
            w += Math.max(0, glyphWidth(cp));
        }
        return w * size / 1000f;
    }

    /** The text with every character the font cannot draw replaced; line breaks are kept as they are. */
    public String drawable(String text) {
        StringBuilder b = new StringBuilder();
        String missing = glyphWidth(MISSING.codePointAt(0)) < 0 ? "?" : MISSING;
        text.codePoints().forEach(cp -> b.append(cp == '\n' ? "\n"
                : glyphWidth(cp) < 0 ? missing : new String(Character.toChars(cp))));
        return b.toString();
    }
}
