package dev.mamori.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import dev.mamori.platform.InvalidInputException;

/**
 * The character encodings of CSV files: UTF-8 (with or without BOM) and Shift_JIS as Japanese Excel
 * writes it (Windows-31J, also called CP932, which adds ①, ㈱, ～ and the like to Shift_JIS).
 */
public final class Encodings {

    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private Encodings() {
    }

    /**
     * The encoding asked for: blank or {@code auto} means detect; {@code utf-8}; {@code shift_jis},
     * {@code sjis}, {@code cp932}, {@code ms932} or {@code windows-31j} all mean Windows-31J.
     */
    public static Optional<Charset> named(String name) {
        if (name == null || name.isBlank() || "auto".equalsIgnoreCase(name.strip())) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "utf-8", "utf8" -> Optional.of(StandardCharsets.UTF_8);
            case "shift-jis", "sjis", "cp932", "ms932", "windows-31j" -> Optional.of(WINDOWS_31J);
            default -> throw InvalidInputException.onField("encoding", "platform.tabular.encodingUnknown", name);
        };
    }

    /** A BOM means UTF-8; so does content that decodes as UTF-8; anything else is taken as Windows-31J. */
    public static Charset detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_31J;
    }

    private static boolean validUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            CoderResult result = decoder.flush(out);
            return !result.isError() && in.position() == 0;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name for people: {@code UTF-8} or {@code Shift_JIS}. */
    public static String label(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS";
    }
}
