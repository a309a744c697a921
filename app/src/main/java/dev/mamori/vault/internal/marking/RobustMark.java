package dev.mamori.vault.internal.marking;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The fingerprint in an image's pixels in a form that survives JPEG compression: the 128-bit frame of {@link
 * ImageMarker#frame} (magic, fingerprint, CRC-32), repeated over the image's 8x8 blocks in the block DCT of the
 * luminance — the same blocks and transform JPEG quantizes.
 * <p>Embedding: in every full 8x8 block (aligned on the top left corner, as JPEG's grid is) the DCT coefficients (u=2,
 * v=1) and (u=1, v=2) of Y = 0.299R + 0.587G + 0.114B both carry one bit of the frame by dithered quantization index
 * modulation: the coefficient is moved to the nearest point of {@code STEP * (n + bit/2) + dither}, the dither a fixed
 * pseudo-random offset per block and coefficient. Which bit a block carries follows a fixed pseudo-random permutation
 * of the frame's 128 bits within each run of 128 blocks, so every bit is spread over the whole image. The change is
 * written back by adding the same amount to R, G and B (Y changes by it, Cb and Cr do not). Where that would leave
 * 0..255 (white paper, black text, saturated colour) those pixels are held at the bound and the others take what is
 * missing, so that the coefficients still reach their target: on white paper a block is only darkened, never brightened
 * (which 255 would clip away). Reading takes the same coefficients, gives every block a soft vote (the cosine of its
 * distance to the lattices of 0 and 1) for its bit, decides each bit by the sign of the sum, and accepts the frame only
 * if the magic and the CRC-32 match — an unmarked image or a damaged mark reads as nothing (a chance of 2<sup>-48</sup>
 * per image of a random match).
 * <p>Parameters and measurements: the step is {@value #STEP}; the JPEG quantizer steps of these two coefficients are 8
 * at quality 70 and 7 at quality 75 (the IJG tables, which {@code javax.imageio} uses: its quality 0.7 is IJG 70). JPEG
 * moves a coefficient by at most half its quantizer step, 4, less than the quarter step (5) at which its vote turns
 * wrong; rounding, clipping and a second encoding add to that, which the vote over all blocks absorbs. Measured with
 * {@code javax.imageio} on a 720x477 photograph, a 935x1210 text page, an almost blank A4 page rendered at 110 DPI and
 * 256x160 images (stripes, a gradient, a photograph, a white card with two words): every one read back after JPEG at
 * quality 92, 75, 70 and 60, and after 92 then 70, 75 then 75 and 70 then 70 (at quality 70 and above the weakest bit
 * still had about a third of its full vote); at quality 50 the larger ones only. PSNR of marked against unmarked: 47.6
 * dB for the photograph, 45.0 dB for the text page, 44.9 dB for the almost blank page — kept above 40 dB ({@code
 * RobustMarkTests}); white paper is only darkened, 95% of its pixels by 3 levels or less. It does not survive scaling,
 * cropping, rotation, or printing and scanning (the blocks and their order must be those of the marked image).
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

    static {
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
        int[] order = null;
        double[] y = new double[64];
        double[] lo = new double[64];
        double[] hi = new double[64];
        double[] d = new double[64];
        double[] delta = new double[2];
        boolean[] held = new boolean[64];
        for (int by = 0; by < bh; by++) {
            px.read(by * 8, 8, strip);
            for (int bx = 0; bx < bw; bx++) {
                int i = by * bw + bx;
                if (i % BITS == 0) {
                    order = permutation(i / BITS);
                }
                int k = order[i % BITS];
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
                    double dither = dither(i, j);
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

    /** The fingerprint the image's blocks carry, if they carry a whole frame whose magic and CRC-32 match. */
    static Optional<String> read(BufferedImage img) {
        if (!fits(img.getWidth(), img.getHeight())) {
            return Optional.empty();
        }
        double[] votes = votes(img);
        byte[] frame = new byte[BITS / 8];
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

    /** The sum of the soft votes for each frame bit: positive for 0, negative for 1. */
    static double[] votes(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Pixels px = Pixels.of(img);
        int bw = w / 8;
        int bh = h / 8;
        int[] strip = new int[w * 8];
        int[] order = null;
        double[] y = new double[64];
        double[] votes = new double[BITS];
        for (int by = 0; by < bh; by++) {
            px.read(by * 8, 8, strip);
            for (int bx = 0; bx < bw; bx++) {
                int i = by * bw + bx;
                if (i % BITS == 0) {
                    order = permutation(i / BITS);
                }
                for (int p = 0; p < 64; p++) {
                    int rgb = strip[(p >> 3) * w + bx * 8 + (p & 7)];
                    y[p] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
                int k = order[i % BITS];
                for (int j = 0; j < COEFFICIENTS.length; j++) {
                    double c = 0;
                    for (int p = 0; p < 64; p++) {
                        c += y[p] * BASIS[j][p];
                    }
                    votes[k] += Math.cos(2 * Math.PI * (c - dither(i, j)) / STEP);
                }
            }
        }
        return votes;
    }

    /** Which frame bit each block of run {@code run} (128 blocks) carries: a fixed pseudo-random permutation. */
    private static int[] permutation(int run) {
        int[] order = new int[BITS];
        for (int k = 0; k < BITS; k++) {
            order[k] = k;
        }
        SplittableRandom random = new SplittableRandom(KEY ^ (run * 0x9E3779B97F4A7C15L));
        for (int k = BITS - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[other];
            order[other] = t;
        }
        return order;
    }

    /** The lattice offset of block {@code i}, coefficient {@code j}: in [0, STEP), fixed pseudo-random. */
    private static double dither(int i, int j) {
        long z = KEY + (i * 2L + j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * STEP;
    }
}
