package dev.mamori.platform.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows of text to CSV or XLSX as they come. XLSX is written with POI's streaming SXSSF workbook,
 * which keeps only a window of rows in memory (the rest goes to a compressed temporary file), so an
 * export of any length runs in bounded memory. Closing writes the workbook and flushes; it does not
 * close the stream.
 */
public interface TableWriter extends AutoCloseable {

    void row(List<String> cells);

    @Override
    void close();

    static TableWriter open(ExportFormat format, OutputStream out, String sheetName) {
        return format == ExportFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(format, out);
    }

    /** CSV with CRLF line ends; UTF-8 gets a BOM so that Excel opens it correctly. */
    final class Csv implements TableWriter {
        private final CSVPrinter printer;

        Csv(ExportFormat format, OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, format.charset().newEncoder()
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE));
                if (format == ExportFormat.CSV_UTF8) {
                    writer.write('\uFEFF');
                }
                printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<String> cells) {
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One sheet of a streaming workbook; the first row stays in view while scrolling. */
    final class Xlsx implements TableWriter {
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final OutputStream out;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(sheetName);
            this.sheet.createFreezePane(0, 1);
        }

        @Override
        public void row(List<String> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                if (value != null && !value.isEmpty()) {
                    row.createCell(i).setCellValue(value);
                }
            }
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
