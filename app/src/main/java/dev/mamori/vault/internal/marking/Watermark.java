package dev.mamori.vault.internal.marking;

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

    public Watermark {
        if (!(opacity >= 0.02f && opacity <= 0.5f)) {
            throw new IllegalArgumentException(
                    "mamori.vault.marking.watermark-opacity must be between 0.02 and 0.5, not " + opacity);
        }
    }
}
