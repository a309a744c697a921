package dev.mamori.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of 参考資料1 from the handbook's text file: every line item with its route, purpose,
 * 【…】 heading, (…) sub-heading, letter, title and page. Written apart from the catalog migration so the test
 * compares two readings.
 */
final class HandbookCatalog {

    static final String FILE = "000_e6ece892df7a8fce.txt";

    record Item(Route route, Purpose purpose, String group, String sub, String letter, String title, int page) {
    }

    private static final Pattern ROUTE = Pattern.compile("^([1-4])\\. \\S+?に向けた対策(.*)$");
    private static final Pattern PURPOSE = Pattern.compile("^([①②③④⑤])\\s*「");
    private static final Pattern SUB = Pattern.compile("^[（(](.+)[）)]$");
    private static final Pattern ITEM = Pattern.compile("^([a-z])\\. (.+?)\\t(\\d+)$");

    private HandbookCatalog() {
    }

    /** The handbook text: -Dmamori.handbook=FILE, or shared/handbook/FILE beside mamori.handbook.search or a parent. */
    static Path locate() {
        String explicit = System.getProperty("mamori.handbook");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path dir = Path.of(System.getProperty("mamori.handbook.search", ".")).toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("handbook").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("handbook text " + FILE + " not found in shared/handbook above " + dir
                + "; pass -Dmamori.handbook=FILE");
    }

    static List<Item> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(locate(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("参考資料 1");
        int end = lines.indexOf("参考資料 2");
        List<Item> items = new ArrayList<>();
        Route route = null;
        Purpose purpose = null;
        String group = null;
        String sub = null;
        for (String raw : lines.subList(start, end)) {
            String line = raw.strip().replace("**", "");
            Matcher m = ROUTE.matcher(line);
            if (m.matches()) {
                route = Route.values()[Integer.parseInt(m.group(1)) - 1];
                purpose = null;
                line = m.group(2).strip();
            }
            m = PURPOSE.matcher(line);
            if (route != null && m.find()) {
                purpose = Purpose.of("①②③④⑤".indexOf(m.group(1)) + 1);
                group = null;
                sub = null;
                continue;
            }
            if (line.startsWith("【")) {
                group = line.substring(1, line.length() - 1);
                sub = null;
                continue;
            }
            m = SUB.matcher(line);
            if (purpose != null && m.matches()) {
                sub = m.group(1);
                continue;
            }
            m = ITEM.matcher(line);
            if (m.matches()) {
                items.add(new Item(route, purpose, group, sub, m.group(1), m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        return items;
    }
}
