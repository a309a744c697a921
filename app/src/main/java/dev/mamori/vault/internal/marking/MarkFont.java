package dev.mamori.vault.internal.marking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Japanese TrueType font marks are drawn with: {@code mamori.vault.font} when set, otherwise IPAex Gothic
 * from the package {@code fonts-ipaexfont-gothic} (the project's install steps) or the distribution's Japanese
 * Gothic. The same known locations as the policy module's regulations use (kept apart because that class is
 * internal to policy; a shared platform helper would remove the duplication).
 */
public final class MarkFont {

    static final List<Path> KNOWN = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"));

    private final Path file;
    private final byte[] bytes;

    private MarkFont(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    public static MarkFont locate(Path configured) {
        List<Path> candidates = configured != null && !configured.toString().isBlank() ? List.of(configured) : KNOWN;
        for (Path p : candidates) {
            if (trueType(p)) {
                try {
                    return new MarkFont(p, Files.readAllBytes(p));
                } catch (IOException e) {
                    // try the next one
                }
            }
        }
        throw new IllegalStateException("no Japanese TrueType font for marking; install fonts-ipaexfont-gothic or set mamori.vault.font");
    }

    public Path file() {
        return file;
    }

    byte[] bytes() {
        return bytes;
    }

    private static boolean trueType(Path p) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == 0 && h[1] == 1 && h[2] == 0 && h[3] == 0)
                    || (h[0] == 't' && h[1] == 'r' && h[2] == 'u' && h[3] == 'e'));
        } catch (IOException e) {
            return false;
        }
    }
}
