package dev.mamori.vault.internal.marking;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The see-through watermark (透かし) repeated over the whole of every page of a PDF copy and over a PNG or JPEG copy:
 * the copy's mark line (level, recipient's name and 社員番号, date and time, copy number), slanted and tiled, so that
 * any part of a page — a printout with its margins cut off, a photograph or a screenshot of part of the screen —
 * still says whose copy it was. The handbook's measure 「印刷者の氏名等の『透かし』が印字される設定の導入」 (3-4 (1), 参考資料1)
 * asks for the printer's name on the printout itself; header and footer lines alone are lost with the margins.
 *
 * @param enabled whether copies get it ({@code mamori.vault.marking.watermark}, default on)
 * @param opacity how dark it is, 0.02–0.5 ({@code mamori.vault.marking.watermark-opacity}, default {@value #DEFAULT_OPACITY}:
 *                Mamori's choice, light enough to read text and drawings under it and dark enough to show on a
 *                photocopy or a phone photograph of the screen)
 */
public record Watermark(boolean enabled, float opacity) {

    public static final float DEFAULT_OPACITY = 0.14f;
    public static final Watermark DEFAULT = new Watermark(true, DEFAULT_OPACITY);
    public static final Watermark NONE = new Watermark(false, DEFAULT_OPACITY);

    /** The slant of the rows, counter-clockwise. */
    static final double ANGLE_DEGREES = 30;

    /** Gap between two rows, in font sizes. */
    static final double ROW_GAP = 5.5;
    /** Gap between two repetitions of the line in a row, in font sizes. */
    static final double COLUMN_GAP = 3;

    /** The length of the line at {@code size}, estimated: a full-width character is a square, others about half. */
    static double estimatedLength(String line, double size) {
        double length = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            length += (cp < 0x2E80 ? 0.55 : 1.0) * size;
        }
        return length;
    }

    /**
     * Where the repetitions go on a page of {@code w} x {@code h} (y downwards), for formats that place each one as a
     * shape of its own (Word, PowerPoint): the centres of boxes {@code length} long, slanted by {@link #ANGLE_DEGREES},
     * in rows {@link #ROW_GAP} sizes apart, each row shifted by half a repetition — every one that reaches the page.
     */
    static List<Point2D.Double> centres(double w, double h, double size, double length) {
        double angle = Math.toRadians(ANGLE_DEGREES);
        double step = length + COLUMN_GAP * size;
        double rowGap = ROW_GAP * size;
        double half = Math.hypot(w, h) / 2 + length;
        int columns = (int) Math.ceil(half / step);
        int rows = (int) Math.ceil(half / rowGap);
        List<Point2D.Double> centres = new ArrayList<>();
        for (int r = -rows; r <= rows; r++) {
            for (int k = -columns; k <= columns; k++) {
                double along = k * step + ((r & 1) == 0 ? 0 : step / 2);
                // along the row is up and to the right, across it down and to the right
                double cx = w / 2 + along * Math.cos(angle) + r * rowGap * Math.sin(angle);
                double cy = h / 2 - along * Math.sin(angle) + r * rowGap * Math.cos(angle);
                // a slanted box reaches half its length across and a quarter of it (sin 30°) up and down
                if (cx >= -length / 2 && cx <= w + length / 2 && cy >= -length / 4 - size && cy <= h + length / 4 + size) {
                    centres.add(new Point2D.Double(cx, cy));
                }
            }
        }
        return centres;
    }

    public Watermark {
        if (!(opacity >= 0.02f && opacity <= 0.5f)) {
            throw new IllegalArgumentException(
                    "mamori.vault.marking.watermark-opacity must be between 0.02 and 0.5, not " + opacity);
        }
    }
}
