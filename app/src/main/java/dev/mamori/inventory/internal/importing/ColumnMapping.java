package dev.mamori.inventory.internal.importing;

import java.util.List;
import java.util.Map;

import dev.mamori.platform.tabular.Headers;

/**
 * A column mapping as a user gives it: the field of each column in order, or fields by header text (columns
 * not named are ignored).
 */
public record ColumnMapping(List<ImportField> byPosition, Map<String, ImportField> byHeader) {

    public static ColumnMapping of(List<ImportField> fields) {
        return new ColumnMapping(List.copyOf(fields), null);
    }

    public static ColumnMapping byHeader(Map<String, ImportField> fields) {
        return new ColumnMapping(null, Map.copyOf(fields));
    }

    List<ImportField> resolve(List<String> headers) {
        if (byPosition != null) {
            return byPosition;
        }
        return headers.stream().map(h -> byHeader.entrySet().stream()
                        .filter(e -> Headers.normalise(e.getKey()).equals(Headers.normalise(h)))
                        .map(Map.Entry::getValue).findFirst().orElse(ImportField.IGNORE))
                .toList();
    }
}
