package dev.mamori.inventory.internal.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mamori.platform.tabular.Headers;
import dev.mamori.platform.tabular.TableReader;

/**
 * Reads an imported register: finds its header, then hands over the data rows. Registers made by people
 * often start with a title row, so the header is the first of the first ten rows in which at least two
 * cells name register fields (else the first row). IPA's sheet puts group headers (重要度, 個人情報の種類)
 * over sub-headers (機密性・完全性・可用性 …) in a second row; such a row is folded into the header, each
 * column taking its sub-header where it has one.
 */
final class RegisterSheet {

    private static final int LOOK_AHEAD = 10;
    private static final Set<ImportField> SUB_HEADERS = EnumSet.of(ImportField.CONFIDENTIALITY, ImportField.INTEGRITY,
            ImportField.AVAILABILITY, ImportField.IMPORTANCE, ImportField.PERSONAL_INFO, ImportField.SENSITIVE,
            ImportField.MY_NUMBER);

    private RegisterSheet() {
    }

    /**
     * The header: the text of each column, the number of the last header row, and a signature of the
     * normalised texts (the key a column mapping is remembered by).
     */
    record Header(List<String> texts, int lastRow, String signature) {
    }

    interface Visitor {
        void header(Header header);

        void row(int number, List<String> cells);
    }

    private record Line(int number, List<String> cells) {
    }

    /** Reads the file; returns its header, or null when it has no rows. */
    static Header read(Path file, TableReader.Format format, Charset charset, Visitor visitor) {
        List<Line> buffered = new ArrayList<>();
        Header[] header = new Header[1];
        TableReader.read(file, format, charset, (number, cells) -> {
            if (header[0] != null) {
                visitor.row(number, cells);
                return;
            }
            buffered.add(new Line(number, cells));
            if (buffered.size() == LOOK_AHEAD) {
                header[0] = decide(buffered, visitor);
            }
        });
        if (header[0] == null && !buffered.isEmpty()) {
            header[0] = decide(buffered, visitor);
        }
        return header[0];
    }

    private static Header decide(List<Line> lines, Visitor visitor) {
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).cells().stream().filter(c -> ImportField.recognise(c).isPresent()).count() >= 2) {
                at = i;
                break;
            }
        }
        List<String> texts = new ArrayList<>(lines.get(at).cells().stream().map(c -> c == null ? "" : c.strip()).toList());
        int last = at;
        if (at + 1 < lines.size() && subHeaders(lines.get(at + 1).cells())) {
            last = at + 1;
            List<String> sub = lines.get(last).cells();
            for (int i = 0; i < sub.size(); i++) {
                String s = sub.get(i) == null ? "" : sub.get(i).strip();
                if (i >= texts.size()) {
                    texts.add(s);
                } else if (!s.isEmpty()) {
                    texts.set(i, s);
                }
            }
        }
        while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
            texts.remove(texts.size() - 1);
        }
        Header header = new Header(List.copyOf(texts), lines.get(last).number(), signature(texts));
        visitor.header(header);
        for (int i = last + 1; i < lines.size(); i++) {
            visitor.row(lines.get(i).number(), lines.get(i).cells());
        }
        return header;
    }

    private static boolean subHeaders(List<String> cells) {
        List<String> filled = cells.stream().filter(c -> c != null && !c.isBlank()).toList();
        return !filled.isEmpty() && filled.stream()
                .allMatch(c -> ImportField.recognise(c).filter(SUB_HEADERS::contains).isPresent());
    }

    static String signature(List<String> texts) {
        String joined = texts.stream().map(Headers::normalise).collect(Collectors.joining("\u0001"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
