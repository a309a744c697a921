package dev.mamori.vault.internal.marking;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The fingerprint in an image's pixels in a form that survives JPEG compression and cropping: the 128-bit frame of
 * {@link ImageMarker#frame} (magic, fingerprint, CRC-32), repeated over the image's 8x8 blocks in the block DCT of the
 * luminance — the same blocks and transform JPEG quantizes.
 * <p>Embedding: in every full 8x8 block (aligned on the top left corner, as JPEG's grid is) the DCT coefficients (u=2,
 * v=1) and (u=1, v=2) of Y = 0.299R + 0.587G + 0.114B both carry one bit of the frame by dithered quantization index
 * modulation: the coefficient is moved to the nearest point of {@code STEP * (n + bit/2) + dither}. The blocks are laid
 * out in tiles of 16 x 8 blocks (128 x 64 pixels) repeated over the image; each of a tile's 128 positions carries one
 * bit of the frame (a fixed pseudo-random permutation, so that a bit's blocks are spread over the image) with a fixed
 * pseudo-random dither per position and coefficient. The change is written back by adding the same amount to R, G and
 * B (Y changes by it, Cb and Cr do not). Where that would leave 0..255 (white paper, black text, saturated colour)
 * those pixels are held at the bound and the others take what is missing, so that the coefficients still reach their
 * target: on white paper a block is only darkened, never brightened (which 255 would clip away).
 * <p>Reading gives every block a soft vote (the cosine of its coefficients' distance to the lattices of 0 and 1) for
 * its bit, decides each bit by the sign of the sum, and accepts the frame only if the magic and the CRC-32 match. It
 * tries the image's own grid first, then every grid a cut could have left: 8 x 8 pixel offsets, and for each the 128
 * tile positions the piece's first whole block could have had, which the repeated tile makes a complete list. The
 * coefficients of all blocks at all offsets come from one separable pass, and the votes are summed per tile position
 * once, so the search adds about 0.05 s per megapixel (measured on this project's two-core machine). An unmarked image
 * or a damaged mark reads as nothing: 8,192 trials, each matching at random with a chance of 2<sup>-48</sup>, give an
 * unmarked image a chance below 2<sup>-34</sup> of naming someone (below 2<sup>-31</sup> with the seven display
 * scales tried as well).
 * <p>Parameters and measurements: the step is {@value #STEP}; the JPEG quantizer steps of these two coefficients are 8
 * at quality 70 and 7 at quality 75 (the IJG tables, which {@code javax.imageio} uses: its quality 0.7 is IJG 70). JPEG
 * moves a coefficient by at most half its quantizer step, 4, less than the quarter step (5) at which its vote turns
 * wrong; rounding, clipping and a second encoding add to that, which the vote over all blocks absorbs. Measured with
 * {@code javax.imageio} on a 720x477 photograph, a 935x1210 text page, an almost blank A4 page rendered at 110 DPI and
 * 256x160 images (a photograph, a gradient, a white card with two lines, noise, a flat colour): every one read back
 * after JPEG at quality 92, 75 and 70, and after 92 then 70, 75 then 75 and 70 then 70; at quality 60 all but the
 * noise; at quality 50 none. PSNR of marked against unmarked: 47.7 dB for the photograph, 45.0 dB for the text page,
 * 44.9 dB for the flat colour — kept above 40 dB ({@code RobustMarkTests}); white paper is only darkened, 95% of its
 * pixels by 3 levels or less.
 * <p>A piece cut anywhere out of a copy (a screenshot of part of a page, a detail cut out of a photograph) keeps the
 * mark if it still has {@value #MIN_BLOCKS} whole blocks: saved losslessly, or as JPEG at quality 90; a photograph's
 * piece also at quality 70. On white paper a piece whose cut is off the 8-pixel grid, so that JPEG's blocks straddle
 * the mark's, mostly loses the mark at JPEG qualities of 80 and below (measured on a text page and a viewer page, 20
 * random pieces each: at quality 85, 14 and 18 read back; at 80, 6 and 5; at 75, 3 and 0).
 * <p>A screenshot of an image or a viewer page shown on a high-density display holds it enlarged by the display's
 * scale (and cut by the window): {@link #readEnlarged} reduces the image by each of the usual {@link #DISPLAY_SCALES}
 * and reads it again, which finds the mark in such screenshots saved losslessly (tested with Java's bilinear and
 * bicubic enlargement at every scale, and with Chromium's screenshots of the viewer at 1.5 and 2). Other scaling
 * loses it: a copy reads back only when brought back to within about 0.2% of its size, and no blind estimate of an
 * unknown scale was found. Nor does it survive rotation, or printing and scanning.
 * <p>An image with fewer than {@value #MIN_BLOCKS} full 8x8 blocks (5 blocks per bit; about 256x160 pixels) is too
 * small to carry the mark reliably: it is not embedded (the least significant bits and the metadata still are) and not
 * looked for. Transparent areas of a PNG carry it in their colour values, which flattening may discard.
 */
final class RobustMark {

    /** The quantization step of the QIM lattice (in the orthonormal DCT's units, as JPEG's). */
    static final int STEP = 20;
    /** The fewest full 8x8 blocks an image needs to carry the mark. */
    static final int MIN_BLOCKS = ImageMarker.FRAME_BITS * 5;

    private static final int BITS = ImageMarker.FRAME_BITS;
    private static final byte[] MAGIC = {'M', 'F'};
    private static final long KEY = 0x6D616D6F72692D31L;
    /** The coefficients used, as (u, v): horizontal and vertical frequency. */
    private static final int[][] COEFFICIENTS = {{2, 1}, {1, 2}};
    private static final double[][] BASIS = new double[COEFFICIENTS.length][64];
    private static final double[] B0 = BASIS[0];
    private static final double[] B1 = BASIS[1];
    private static final int ROUNDS = 8;
    /** The tile of block positions that carries the frame's bits, one each: 16 blocks wide, 8 high (= 128 bits). */
    static final int TILE_COLUMNS = 16;
    static final int TILE_ROWS = BITS / TILE_COLUMNS;
    private static final int[] TILE_BIT = permutation();
    private static final double[][] DITHER = new double[BITS][COEFFICIENTS.length];
    private static final double[][] DITHER_COS = new double[BITS][COEFFICIENTS.length];
    private static final double[][] DITHER_SIN = new double[BITS][COEFFICIENTS.length];
    /**
     * Values per grid in {@link #sums}: for each tile position counted from the grid's first whole block, the sums of
     * cos and sin of the two coefficients' angle on the lattice; then the grid's block count.
     */
    private static final int CLASS_STRIDE = BITS * 4 + 1;
    private static final int BLOCK_COUNT = BITS * 4;
    /**
     * In a screenshot, blocks whose two coefficients are both smaller than this do not vote: areas of one colour
     * around the page (the application's bars and margins), which the mark never touched and whose votes would all lean
     * the same way, outweighing a page the enlargement has weakened. A marked block of one colour (white paper) has its
     * coefficients on the lattice points nearest 0, and with this project's dithers the larger of the two is at least
     * 0.69 for every tile position and bit value, so a lossless screenshot keeps it voting. Not in other images: JPEG
     * flattens exactly those marked blocks of paper whose lattice point was nearest 0, and their votes are right.
     */
    private static final double FLAT = 0.1;
    /** cos and sin of 2 pi k / TABLE: the votes need no more precision than this. */
    private static final int TABLE = 4096;
    private static final double[] COS = new double[TABLE];
    private static final double[] SIN = new double[TABLE];
    /** The basis as a row factor (over x) times a column factor (over y), per coefficient. */
    private static final double[][] ROW = new double[COEFFICIENTS.length][8];
    private static final double[][] COLUMN = new double[COEFFICIENTS.length][8];

    static {
        for (int k = 0; k < TABLE; k++) {
            COS[k] = Math.cos(2 * Math.PI * k / TABLE);
            SIN[k] = Math.sin(2 * Math.PI * k / TABLE);
        }
        for (int j = 0; j < COEFFICIENTS.length; j++) {
            int u = COEFFICIENTS[j][0];
            int v = COEFFICIENTS[j][1];
            double cu = u == 0 ? Math.sqrt(0.5) : 1;
            double cv = v == 0 ? Math.sqrt(0.5) : 1;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    BASIS[j][y * 8 + x] = 0.25 * cu * cv * Math.cos((2 * x + 1) * u * Math.PI / 16)
                            * Math.cos((2 * y + 1) * v * Math.PI / 16);
                }
            }
            for (int k = 0; k < 8; k++) {
                ROW[j][k] = Math.cos((2 * k + 1) * u * Math.PI / 16);
                COLUMN[j][k] = 0.25 * cu * cv * Math.cos((2 * k + 1) * v * Math.PI / 16);
            }
            for (int t = 0; t < BITS; t++) {
                DITHER[t][j] = dither(t, j);
                DITHER_COS[t][j] = Math.cos(2 * Math.PI * DITHER[t][j] / STEP);
                DITHER_SIN[t][j] = Math.sin(2 * Math.PI * DITHER[t][j] / STEP);
            }
        }
    }

    private RobustMark() {
    }

    /** Whether the image is large enough to carry the mark. */
    static boolean fits(int width, int height) {
        return (long) (width / 8) * (height / 8) >= MIN_BLOCKS;
    }

    /** Embeds the fingerprint in place; false (and the image unchanged) when the image is too small. */
    static boolean embed(BufferedImage img, String fingerprint) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (!fits(w, h)) {
            return false;
        }
        byte[] frame = ImageMarker.frame(fingerprint);
        Pixels px = Pixels.of(img);
        int bw = w / 8;
        int bh = h / 8;
        int[] strip = new int[w * 8];
        double[] y = new double[64];
        double[] lo = new double[64];
        double[] hi = new double[64];
        double[] d = new double[64];
        double[] delta = new double[2];
        boolean[] held = new boolean[64];
        for (int by = 0; by < bh; by++) {
            px.read(by * 8, 8, strip);
            for (int bx = 0; bx < bw; bx++) {
                int t = tile(bx, by);
                int k = TILE_BIT[t];
                int bit = (frame[k / 8] >> (7 - (k % 8))) & 1;
                for (int p = 0; p < 64; p++) {
                    int rgb = strip[(p >> 3) * w + bx * 8 + (p & 7)];
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    y[p] = 0.299 * r + 0.587 * g + 0.114 * b;
                    lo[p] = -Math.min(r, Math.min(g, b));
                    hi[p] = 255 - Math.max(r, Math.max(g, b));
                }
                for (int j = 0; j < COEFFICIENTS.length; j++) {
                    double c = 0;
                    for (int p = 0; p < 64; p++) {
                        c += y[p] * BASIS[j][p];
                    }
                    double dither = DITHER[t][j];
                    // the nearest point of the bit's lattice STEP * (n + bit/2) + dither
                    double n = Math.rint((c - dither) / STEP - bit / 2.0);
                    delta[j] = STEP * (n + bit / 2.0) + dither - c;
                }
                shape(delta[0], delta[1], lo, hi, d, held);
                for (int p = 0; p < 64; p++) {
                    // R, G and B are whole numbers and d[p] keeps each of them within 0..255: adding the same rounded
                    // amount to the three bytes neither carries nor borrows between them
                    int at = (p >> 3) * w + bx * 8 + (p & 7);
                    strip[at] += (int) Math.floor(d[p] + 0.5) * 0x010101;
                }
            }
            px.write(by * 8, 8, strip);
        }
        return true;
    }

    /**
     * The luminance change of one block, {@code d}: {@code delta0 * B0 + delta1 * B1}, which changes the two
     * coefficients by exactly {@code delta0} and {@code delta1}, unless that leaves [lo, hi] somewhere. Then the
     * pixels out of bounds are held at their bound and the rest solve for what is still missing (least change:
     * the same two basis vectors restricted to the free pixels), until nothing more is clipped. On white paper
     * this darkens about half of the block instead of brightening it.
     */
    private static void shape(double delta0, double delta1, double[] lo, double[] hi, double[] d, boolean[] held) {
        Arrays.fill(d, 0);
        Arrays.fill(held, false);
        double x0 = delta0;
        double x1 = delta1;
        for (int round = 0; round < ROUNDS; round++) {
            boolean clipped = false;
            for (int p = 0; p < 64; p++) {
                if (held[p]) {
                    continue;
                }
                double v = d[p] + x0 * B0[p] + x1 * B1[p];
                if (v < lo[p]) {
                    v = lo[p];
                    held[p] = clipped = true;
                } else if (v > hi[p]) {
                    v = hi[p];
                    held[p] = clipped = true;
                }
                d[p] = v;
            }
            if (!clipped) {
                return; // the free pixels took the whole remaining change
            }
            double r0 = delta0;
            double r1 = delta1;
            double g00 = 0;
            double g01 = 0;
            double g11 = 0;
            for (int p = 0; p < 64; p++) {
                r0 -= d[p] * B0[p];
                r1 -= d[p] * B1[p];
                if (!held[p]) {
                    g00 += B0[p] * B0[p];
                    g01 += B0[p] * B1[p];
                    g11 += B1[p] * B1[p];
                }
            }
            double det = g00 * g11 - g01 * g01;
            if (Math.abs(r0) < 0.25 && Math.abs(r1) < 0.25 || det < 1e-9) {
                return;
            }
            x0 = (g11 * r0 - g01 * r1) / det;
            x1 = (g00 * r1 - g01 * r0) / det;
        }
    }

    /**
     * The fingerprint the image carries, if some grid of its 8x8 blocks carries a whole frame whose magic and CRC-32
     * match: the image's own grid first (a copy at its size, re-encoded), then every other grid a crop could have left
     * (8 x 8 pixel offsets, and for each the 16 x 8 places the first whole block could have had in the tile).
     */
    static Optional<String> read(BufferedImage img) {
        return fits(img.getWidth(), img.getHeight()) ? read(Luma.of(img), false) : Optional.empty();
    }

    /** {@link #read}, then, when that finds nothing, {@link #readEnlarged}: on one luminance plane. */
    static Optional<String> readAtAnyDisplayScale(BufferedImage img) {
        if (!fits(img.getWidth(), img.getHeight())) {
            return Optional.empty();
        }
        Luma luma = Luma.of(img);
        Optional<String> found = read(luma, false);
        return found.isPresent() ? found : readEnlarged(luma);
    }

    /** {@link #read}, with blocks of one colour left out of the vote when {@code skipFlat}. */
    private static Optional<String> read(Luma luma, boolean skipFlat) {
        // the image's own grid alone first: an eighth of the work, and where an uncut copy has its mark
        Optional<String> found = search(sums(luma, false, skipFlat), 1);
        return found.isPresent() ? found : search(sums(luma, true, skipFlat), 64);
    }

    /**
     * The display scales a screenshot may have enlarged a page or an image by: a browser draws an image's pixel as
     * 1.25 to 3 pixels of the screen on a high-density display (Windows' 125%–300%, a Mac's or a phone's 2 and 3).
     * In the order they are tried: the commonest first.
     */
    static final double[] DISPLAY_SCALES = {2, 1.5, 1.25, 1.75, 3, 2.5, 2.25};

    /**
     * The fingerprint of an image that was shown enlarged by one of the {@link #DISPLAY_SCALES} and captured as it was
     * shown (a screenshot of the viewer on a high-density display): the image reduced by each scale in turn (the
     * average over each reduced pixel's area, which undoes the enlargement's interpolation closely enough) and read,
     * cut or not, with the areas of one colour around the page left out of the vote ({@link #FLAT}). The first that
     * carries a whole frame.
     */
    private static Optional<String> readEnlarged(Luma luma) {
        for (double scale : DISPLAY_SCALES) {
            if (fits((int) (luma.width() / scale), (int) (luma.height() / scale))) {
                Optional<String> found = read(luma.reduced(scale), true);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** An image's luminance, Y = 0.299R + 0.587G + 0.114B, row by row. */
    record Luma(float[] values, int width, int height) {

        static Luma of(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            float[] values = new float[w * h];
            Pixels px = Pixels.of(img);
            int rows = Math.max(1, Math.min(h, 65536 / Math.max(1, w)));
            int[] strip = new int[w * rows];
            for (int y0 = 0; y0 < h; y0 += rows) {
                int n = Math.min(rows, h - y0);
                px.read(y0, n, strip);
                for (int i = 0; i < n * w; i++) {
                    int rgb = strip[i];
                    values[y0 * w + i] = (float) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff)
                            + 0.114 * (rgb & 0xff));
                }
            }
            return new Luma(values, w, h);
        }

        /**
         * Reduced by {@code scale} (at least 1): each value the average over its {@code scale x scale} area of these,
         * the ones it covers in part weighted by how much.
         */
        Luma reduced(double scale) {
            int ow = (int) (width / scale);
            int oh = (int) (height / scale);
            // the columns each reduced value covers, and by how much
            int span = (int) Math.ceil(scale) + 1;
            int[] first = new int[ow];
            double[] weights = new double[ow * span];
            for (int x = 0; x < ow; x++) {
                double x0 = x * scale;
                double x1 = x0 + scale;
                first[x] = (int) Math.floor(x0);
                for (int k = 0; k < span && first[x] + k < width; k++) {
                    int c = first[x] + k;
                    weights[x * span + k] = Math.max(0, Math.min(x1, c + 1) - Math.max(x0, c));
                }
            }
            float[] out = new float[ow * oh];
            double[] sum = new double[ow];
            double area = scale * scale;
            for (int y = 0; y < oh; y++) {
                double y0 = y * scale;
                double y1 = y0 + scale;
                Arrays.fill(sum, 0);
                for (int r = (int) Math.floor(y0); r < y1 && r < height; r++) {
                    double wy = Math.min(y1, r + 1) - Math.max(y0, r);
                    int row = r * width;
                    for (int x = 0; x < ow; x++) {
                        double v = 0;
                        for (int k = 0, c = first[x]; k < span && c < width; k++, c++) {
                            v += values[row + c] * weights[x * span + k];
                        }
                        sum[x] += wy * v;
                    }
                }
                for (int x = 0; x < ow; x++) {
                    out[y * ow + x] = (float) (sum[x] / area);
                }
            }
            return new Luma(out, ow, oh);
        }
    }

    private static Optional<String> search(double[] sums, int phases) {
        byte[] frame = new byte[BITS / 8];
        double[] votes = new double[BITS];
        for (int phase = 0; phase < phases; phase++) {
            if (sums[phase * CLASS_STRIDE + BLOCK_COUNT] < MIN_BLOCKS) {
                continue;
            }
            for (int shift = 0; shift < BITS; shift++) {
                votes(sums, phase, shift, votes);
                Optional<String> found = decode(votes, frame);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The frame the votes decide, if its magic and CRC-32 match. */
    private static Optional<String> decode(double[] votes, byte[] frame) {
        Arrays.fill(frame, (byte) 0);
        for (int k = 0; k < BITS; k++) {
            if (votes[k] < 0) {
                frame[k / 8] |= (byte) (1 << (7 - (k % 8)));
            }
        }
        if (frame[0] != MAGIC[0] || frame[1] != MAGIC[1]) {
            return Optional.empty();
        }
        byte[] fp = Arrays.copyOfRange(frame, 2, 12);
        CRC32 crc = new CRC32();
        crc.update(fp);
        return ByteBuffer.wrap(frame, 12, 4).getInt() == (int) crc.getValue() ? Optional.of(Fingerprints.of(fp)) : Optional.empty();
    }

    /**
     * The sum of the soft votes for each frame bit (positive for 0, negative for 1) on the grid of {@code phase} (pixel
     * offset {@code phase % 8, phase / 8}) when its first whole block was at tile position {@code shift} ({@code shift %
     * 16, shift / 16}).
     */
    static void votes(double[] sums, int phase, int shift, double[] votes) {
        Arrays.fill(votes, 0);
        int sx = shift % TILE_COLUMNS;
        int sy = shift / TILE_COLUMNS;
        int base = phase * CLASS_STRIDE;
        for (int cls = 0; cls < BITS; cls++) {
            int t = (cls % TILE_COLUMNS + sx) % TILE_COLUMNS + TILE_COLUMNS * ((cls / TILE_COLUMNS + sy) % TILE_ROWS);
            int at = base + cls * 4;
            // cos(2 pi (c - d) / STEP) = cos(2 pi c / STEP) cos(2 pi d / STEP) + sin(2 pi c / STEP) sin(2 pi d / STEP)
            votes[TILE_BIT[t]] += sums[at] * DITHER_COS[t][0] + sums[at + 1] * DITHER_SIN[t][0]
                    + sums[at + 2] * DITHER_COS[t][1] + sums[at + 3] * DITHER_SIN[t][1];
        }
    }

    /**
     * For every block of every one of the 64 grids (or of the image's own grid only, phase 0), its two coefficients'
     * angle on the lattice (2 pi c / STEP) as a cosine and a sine, summed per class: the block's place in the 16 x 8
     * tile counted from the grid's first whole block. The coefficients of all blocks at all pixel offsets come from one
     * pass over the image, as the basis is a row filter times a column filter.
     */
    static double[] sums(Luma image, boolean everyGrid, boolean skipFlat) {
        int w = image.width();
        int h = image.height();
        float[] values = image.values();
        double[] sums = new double[64 * CLASS_STRIDE];
        if (w < 8 || h < 8) {
            return sums;
        }
        int n = w - 7;
        int step = everyGrid ? 1 : 8;
        // the last 8 rows filtered by the basis' row factor for u = 2 (coefficient 0) and u = 1 (coefficient 1), at
        // every horizontal offset
        double[][] h0 = new double[8][n];
        double[][] h1 = new double[8][n];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double[] r0 = h0[y & 7];
            double[] r1 = h1[y & 7];
            for (int x0 = 0; x0 < n; x0 += step) {
                double a = 0;
                double b = 0;
                for (int x = 0; x < 8; x++) {
                    a += values[row + x0 + x] * ROW[0][x];
                    b += values[row + x0 + x] * ROW[1][x];
                }
                r0[x0] = a;
                r1[x0] = b;
            }
            int y0 = y - 7;
            if (y0 < 0 || y0 % step != 0) {
                continue;
            }
            // the blocks whose top row is y0, at every horizontal offset: the column factor over the 8 rows
            int oy = y0 & 7;
            int ly = (y0 >> 3) % TILE_ROWS;
            for (int x0 = 0; x0 < n; x0 += step) {
                double c0 = 0;
                double c1 = 0;
                for (int r = 0; r < 8; r++) {
                    c0 += h0[(y0 + r) & 7][x0] * COLUMN[0][r];
                    c1 += h1[(y0 + r) & 7][x0] * COLUMN[1][r];
                }
                int base = (oy * 8 + (x0 & 7)) * CLASS_STRIDE;
                if (skipFlat && Math.abs(c0) < FLAT && Math.abs(c1) < FLAT) {
                    continue;
                }
                int at = base + (((x0 >> 3) % TILE_COLUMNS) + TILE_COLUMNS * ly) * 4;
                int k0 = (int) Math.floor(c0 * TABLE / STEP) & (TABLE - 1);
                int k1 = (int) Math.floor(c1 * TABLE / STEP) & (TABLE - 1);
                sums[at] += COS[k0];
                sums[at + 1] += SIN[k0];
                sums[at + 2] += COS[k1];
                sums[at + 3] += SIN[k1];
                sums[base + BLOCK_COUNT]++;
            }
        }
        return sums;
    }

    /** The tile position (0..127) of block ({@code bx}, {@code by}) of the marked image's own grid. */
    private static int tile(int bx, int by) {
        return bx % TILE_COLUMNS + TILE_COLUMNS * (by % TILE_ROWS);
    }

    /** Which frame bit the blocks at each tile position carry: a fixed pseudo-random permutation of the 128 bits. */
    private static int[] permutation() {
        int[] order = new int[BITS];
        for (int k = 0; k < BITS; k++) {
            order[k] = k;
        }
        SplittableRandom random = new SplittableRandom(KEY);
        for (int k = BITS - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[other];
            order[other] = t;
        }
        return order;
    }

    /** The lattice offset of tile position {@code t}, coefficient {@code j}: in [0, STEP), fixed pseudo-random. */
    private static double dither(int t, int j) {
        long z = KEY + (t * 2L + j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * STEP;
    }
}
