package dev.mamori.directory.internal.importing;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds which field, from the header row.
 */
final class Header {

    private final ImportKind kind;
    private final Map<Column, Integer> index = new EnumMap<>(Column.class);

    private Header(ImportKind kind) {
        this.kind = kind;
    }

    static Header of(ImportKind kind, List<String> cells) {
        Header header = new Header(kind);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            for (Column column : kind.columns()) {
                if (!header.index.containsKey(column) && column.matches(cell)) {
                    header.index.put(column, i);
                    break;
                }
            }
        }
        return header;
    }

    List<Column> missingRequired() {
        return kind.columns().stream().filter(c -> c.required() && !index.containsKey(c)).toList();
    }

    boolean has(Column column) {
        return index.containsKey(column);
    }

    /** The stripped text of the cell, or null when it is blank or the column is absent. */
    String text(List<String> cells, Column column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return null;
        }
        String value = cells.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    /** A code (社員番号, 部署コード): like {@link #text} with full-width letters and digits made half-width. */
    String code(List<String> cells, Column column) {
        String text = text(cells, column);
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
