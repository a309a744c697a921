package dev.mamori.directory.internal.importing;

import java.util.Arrays;
import java.util.List;

/**
 * Something the preview found on a row: an error (a message key with arguments) or an event that
 * applying the row would publish (the event's name as key).
 *
 * @param row    the row number as the user sees it in the file (the header is row 1)
 * @param key    the row's 社員番号 or 部署コード, when it has one
 * @param column the column concerned, or null
 */
public record Finding(int row, String key, Column column, String messageKey, List<String> args) {

    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Finding error(int row, String key, Column column, String messageKey, Object... args) {
        return new Finding(row, key, column, messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
