package dev.mamori.inventory.internal.importing;

import java.util.Arrays;
import java.util.List;

/**
 * Something the preview found on a row: an error (the row cannot be imported, so nothing is) or a warning
 * (imported as shown, but worth a look — a name that covers a whole line of business, a medium assumed).
 *
 * @param row    the row number as the user sees it in the file (the header is row 1, or the rows below a title)
 * @param column the column (0 = A), or null when the finding concerns the whole row
 */
public record Finding(int row, Integer column, Severity severity, String messageKey, List<String> args) {

    public enum Severity {
        ERROR, WARNING
    }

    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Finding error(int row, Integer column, String messageKey, Object... args) {
        return new Finding(row, column, Severity.ERROR, messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }

    static Finding warning(int row, Integer column, String messageKey, Object... args) {
        return new Finding(row, column, Severity.WARNING, messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }

    public Object[] argArray() {
        return args.toArray();
    }

    /** The column as a spreadsheet names it: A, B, … Z, AA, … */
    public String columnLetter() {
        if (column == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }
}
