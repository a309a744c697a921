package dev.mamori.platform.tabular;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates Japanese spreadsheets contain: {@code 2024-04-01}, {@code 2024/4/1}, {@code 2024年4月1日},
 * {@code 20240401}, and Japanese era dates such as {@code 令和6年4月1日}, {@code 令和元年5月1日} or
 * {@code R6.4.1}. Full-width digits are accepted.
 */
public final class Dates {

    private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ERA = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[MTSHRmtshr])\\s*(\\d{1,2}|元)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Map<String, JapaneseEra> ERAS = Map.of(
            "明治", JapaneseEra.MEIJI, "M", JapaneseEra.MEIJI,
            "大正", JapaneseEra.TAISHO, "T", JapaneseEra.TAISHO,
            "昭和", JapaneseEra.SHOWA, "S", JapaneseEra.SHOWA,
            "平成", JapaneseEra.HEISEI, "H", JapaneseEra.HEISEI,
            "令和", JapaneseEra.REIWA, "R", JapaneseEra.REIWA);

    private Dates() {
    }

    /** The date, or null for a blank cell; throws {@link DateTimeException} for anything else. */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = WESTERN.matcher(t);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = COMPACT.matcher(t);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = ERA.matcher(t);
        if (m.matches()) {
            JapaneseEra era = ERAS.get(m.group(1).toUpperCase(java.util.Locale.ROOT));
            int yearOfEra = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
            return LocalDate.from(JapaneseDate.of(era, yearOfEra, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        throw new DateTimeException("Not a date: " + text);
    }
}
