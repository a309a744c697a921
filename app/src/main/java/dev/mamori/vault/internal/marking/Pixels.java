package dev.mamori.vault.internal.marking;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Whole rows of an image's pixels as packed (A)RGB ints, for the marks that touch every pixel: copied straight from
 * and to the image's array for the int RGB types (what the markers draw on and PDFBox renders), through the bulk
 * {@code getRGB}/{@code setRGB} otherwise — an order of magnitude faster than a call per pixel.
 */
abstract class Pixels {

    final int width;

    private Pixels(int width) {
        this.width = width;
    }

    static Pixels of(BufferedImage img) {
        WritableRaster raster = img.getRaster();
        if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
            int[] data = buffer.getData();
            int stride = model.getScanlineStride();
            int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * stride - raster.getSampleModelTranslateX();
            return new Pixels(img.getWidth()) {
                @Override
                void read(int y0, int count, int[] rows) {
                    for (int y = 0; y < count; y++) {
                        System.arraycopy(data, origin + (y0 + y) * stride, rows, y * width, width);
                    }
                }

                @Override
                void write(int y0, int count, int[] rows) {
                    for (int y = 0; y < count; y++) {
                        System.arraycopy(rows, y * width, data, origin + (y0 + y) * stride, width);
                    }
                }
            };
        }
        return new Pixels(img.getWidth()) {
            @Override
            void read(int y0, int count, int[] rows) {
                img.getRGB(0, y0, width, count, rows, 0, width);
            }

            @Override
            void write(int y0, int count, int[] rows) {
                img.setRGB(0, y0, width, count, rows, 0, width);
            }
        };
    }

    /**
     * Rows {@code y0 .. y0+count-1} into {@code rows}, {@code width} values a row. For the int RGB types the values
     * are the image's own (the top byte of {@code TYPE_INT_RGB} is not alpha and may be anything): only their RGB
     * bytes mean something, and only those should be changed.
     */
    abstract void read(int y0, int count, int[] rows);

    /** Rows {@code y0 .. y0+count-1} back from {@code rows}. */
    abstract void write(int y0, int count, int[] rows);
}
