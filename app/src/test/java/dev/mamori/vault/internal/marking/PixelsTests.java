package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Rows read and written through the image's array are the image's own pixels, for sub-images too. */
class PixelsTests {

    @Test
    void readsAndWritesTheSameRowsAsGetRgbAndSetRgb() {
        Random random = new Random(1);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage whole = new BufferedImage(40, 30, type);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    whole.setRGB(x, y, 0xFF000000 | random.nextInt(1 << 24));
                }
            }
            for (BufferedImage img : new BufferedImage[] {whole, whole.getSubimage(5, 7, 24, 16)}) {
                int w = img.getWidth();
                Pixels px = Pixels.of(img);
                int[] rows = new int[w * 3];
                px.read(2, 3, rows);
                for (int j = 0; j < rows.length; j++) {
                    assertThat(rows[j] & 0xFFFFFF).isEqualTo(img.getRGB(j % w, 2 + j / w) & 0xFFFFFF);
                }
                for (int j = 0; j < rows.length; j++) {
                    rows[j] ^= 0x010101;
                }
                int before = img.getRGB(3, 3);
                int below = img.getRGB(3, 5);
                px.write(2, 3, rows);
                assertThat(img.getRGB(3, 3) & 0xFFFFFF).isEqualTo((before ^ 0x010101) & 0xFFFFFF);
                assertThat(img.getRGB(3, 5)).as("row 5 is not written").isEqualTo(below);
            }
        }
    }
}
