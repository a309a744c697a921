package dev.mamori.directory.internal.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import dev.mamori.platform.tabular.TableReader;

/**
 * Reads a file's header row, reports the required columns it lacks, and hands every data row with the
 * header to the caller — the part people and department imports share.
 */
final class DataRows {

    private DataRows() {
    }

    @FunctionalInterface
    interface Sink {
        void row(int number, java.util.List<String> cells, Header header);
    }

    /** Returns the header, or null when the file has no rows at all. */
    static Header read(Path file, TableReader.Format format, Charset charset, ImportKind kind, Tally tally, Sink sink) {
        Header[] header = new Header[1];
        TableReader.read(file, format, charset, (number, cells) -> {
            if (header[0] == null) {
                header[0] = Header.of(kind, cells);
                header[0].missingRequired().forEach(c -> tally.error(
                        Finding.error(number, null, c, "directory.import.columnMissing", c.header())));
                return;
            }
            if (!header[0].missingRequired().isEmpty()) {
                return;
            }
            tally.rows++;
            sink.row(number, cells, header[0]);
        });
        return header[0];
    }
}
